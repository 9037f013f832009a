using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.DataLoader;

namespace Digibank.Api.Participants;

public static class ParticipantDataLoaders
{
    public static IDataLoaderResult<Participant?> LoadParticipant(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, Participant>(nameof(LoadParticipant), id, (db, ids) => db.Participants.Where(p => ids.Contains(p.Id)), p => p.Id);

    /// <summary>
    /// The person behind a sign-up, loan, reservation or message of <paramref name="regionId"/>: only for staff of its help
    /// point and the region's coordinator.
    /// </summary>
    public static IDataLoaderResult<Participant?> LoadParticipantFor(this IResolveFieldContext context, int? helpPointId, int regionId, int participantId)
    {
        context.RequireStaffFor(helpPointId, regionId);
        return context.LoadParticipant(participantId);
    }
}
