using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.DataLoader;

namespace Digibank.Api.Participants;

public static class ParticipantDataLoaders
{
    public static IDataLoaderResult<Participant?> LoadParticipant(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, Participant>(nameof(LoadParticipant), id, (db, ids) => db.Participants.Where(p => ids.Contains(p.Id)), p => p.Id);

    /// <summary>The person behind a sign-up, loan or reservation: only for staff of its help point and the coordinator.</summary>
    public static IDataLoaderResult<Participant?> LoadParticipantFor(this IResolveFieldContext context, int? helpPointId, int participantId)
    {
        context.RequireStaffFor(helpPointId);
        return context.LoadParticipant(participantId);
    }
}
