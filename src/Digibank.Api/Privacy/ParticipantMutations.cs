using Digibank.Api.Data.Leases;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Digibank.Api.Privacy;

public static class ParticipantMutations
{
    public static IServiceCollection AddParticipantPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        services.AddSingleton<RetentionService>();
        services.TryAddSingleton<ParticipantSearch>();
        services.AddScoped<CounterErasure>();
        services.AddLeasedHostedService<RetentionService>("retention sweep");
        return services.AddDomainEventSource<ErasureEvents>();
    }

    public static void AddParticipantMutations(this ObjectGraphType mutation) =>
        mutation.StaffMutation<EraseParticipantInput, Participant>("eraseParticipant", EraseAsync,
            "Erases a person's name and contact on their request (the coordinator of their region only). Their active sign-ups and reservations are cancelled; " +
            "the anonymous history stays for the reach statistics.",
            payload: "The person, now without name or contact.",
            typeof(ParticipantHasOpenLoanError));

    private static async Task<Result<Participant>> EraseAsync(MutationCall<EraseParticipantInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var participantId = call.Rules.Id(nameof(input.ParticipantId), ParticipantType.TypeName, input.ParticipantId);
        var erased = await ParticipantPrivacy.EraseOnRequestAsync(
            await call.BeginAsync(), new EraseParticipant(participantId, staff), call.Service<MailFolder>(), now, cancellationToken);
        return erased.Map(done => done.Participant);
    }
}
