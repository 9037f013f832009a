using System.ComponentModel;
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
        mutation.StaffMutation<EraseParticipantInput, Participant>("eraseParticipant", EraseAsync,
            "Erases a person's name and contact on their request (the coordinator only). Their active sign-ups and reservations are cancelled; " +
            "the anonymous history stays for the reach statistics.",
            payload: "The person, now without name or contact.",
            typeof(ParticipantHasOpenLoanError));

    private static async Task<Result<Participant>> EraseAsync(MutationCall<EraseParticipantInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var participantId = call.Rules.Id(nameof(input.ParticipantId), ParticipantType.TypeName, input.ParticipantId);
        if (!staff.IsCoordinator)
        {
            call.Rules.Add(new NotAllowedError("Only the regional coordinator erases a person's data."));
        }

        var db = await call.BeginAsync();
        var participant = await db.Participants.SingleOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        if (participant is null)
        {
            return new NotFoundError("There is no such person.");
        }

        if (await db.Loans.AnyAsync(l => l.ParticipantId == participantId && l.ReturnedAt == null, cancellationToken))
        {
            return new ParticipantHasOpenLoanError("This person still has a device on loan; take it back first.");
        }

        await ParticipantPrivacy.EraseAsync(db, participant, now, cancellationToken);
        return participant;
    }
}

[Description("The person still has a device on loan.")]
public sealed record ParticipantHasOpenLoanError(string Message) : UserError(Message, "PARTICIPANT_HAS_OPEN_LOAN");

public sealed record EraseParticipantInput([property: Id] string ParticipantId);
