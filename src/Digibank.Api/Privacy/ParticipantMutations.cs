using Digibank.Api.Participants;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Privacy;

public static class ParticipantMutations
{
    public static IServiceCollection AddParticipantPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        services.AddSingleton<RetentionService>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionService>());
        return services;
    }

    public static void AddParticipantMutations(this ObjectGraphType mutation) =>
        mutation.MutationField<EraseParticipantInputType, EraseParticipantInput, EraseParticipantPayloadType, EraseParticipantPayload>(
            "eraseParticipant",
            "Erases a person's name and contact on their request (the coordinator only). Their active sign-ups and reservations are cancelled; " +
            "the anonymous history stays for the reach statistics.",
            EraseAsync);

    private static Task<EraseParticipantPayload> EraseAsync(IResolveFieldContext context, EraseParticipantInput input)
    {
        var staff = context.RequireStaff();
        var now = context.UtcNow();
        var rules = new InputRules();
        var participantId = rules.Id(nameof(input.ParticipantId), ParticipantType.TypeName, input.ParticipantId);
        if (!staff.IsCoordinator)
        {
            rules.Add(new NotAllowedError("Only the regional coordinator erases a person's data."));
        }

        if (rules.Failed)
        {
            return Task.FromResult(new EraseParticipantPayload(null, rules.Errors));
        }

        return MutationTransaction.RunAsync(context, async (db, cancellationToken) =>
        {
            var participant = await db.Participants.SingleOrDefaultAsync(p => p.Id == participantId, cancellationToken);
            if (participant is null)
            {
                return new EraseParticipantPayload(null, [new NotFoundError("There is no such person.")]);
            }

            if (await db.Loans.AnyAsync(l => l.ParticipantId == participantId && l.ReturnedAt == null, cancellationToken))
            {
                return new EraseParticipantPayload(null, [new ParticipantHasOpenLoanError("This person still has a device on loan; take it back first.")]);
            }

            await ParticipantPrivacy.EraseAsync(db, participant, now, cancellationToken);
            return new EraseParticipantPayload(participant, []);
        });
    }
}

public sealed record ParticipantHasOpenLoanError(string Message) : UserError(Message)
{
    public override string Code => "PARTICIPANT_HAS_OPEN_LOAN";
}

public sealed class ParticipantHasOpenLoanErrorType : UserErrorType<ParticipantHasOpenLoanError>
{
    public ParticipantHasOpenLoanErrorType() => Description = "The person still has a device on loan.";
}

public sealed class EraseParticipantInput
{
    public string ParticipantId { get; set; } = string.Empty;
}

public sealed class EraseParticipantInputType : InputObjectGraphType<EraseParticipantInput>
{
    public EraseParticipantInputType()
    {
        Name = "EraseParticipantInput";
        Field<NonNullGraphType<IdGraphType>>("participantId");
    }
}

public sealed record EraseParticipantPayload(Participant? Participant, IReadOnlyList<UserError> Errors) : IPayload;

public sealed class EraseParticipantPayloadType : PayloadGraphType<EraseParticipantPayload>
{
    public EraseParticipantPayloadType()
        : base("EraseParticipant", "The person, now without name or contact.", typeof(ParticipantHasOpenLoanErrorType))
    {
        Field<ParticipantType>("participant").Resolve(context => context.Source.Participant);
    }
}
