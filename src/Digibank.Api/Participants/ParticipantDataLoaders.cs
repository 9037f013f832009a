using Digibank.Api.GraphQL.DataLoading;
using GraphQL;
using GraphQL.DataLoader;

namespace Digibank.Api.Participants;

public static class ParticipantDataLoaders
{
    public static IDataLoaderResult<Participant?> LoadParticipant(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, Participant>(nameof(LoadParticipant), id, (db, ids) => db.Participants.Where(p => ids.Contains(p.Id)), p => p.Id);
}
