using Digibank.Api.GraphQL.DataLoading;
using GraphQL;
using GraphQL.DataLoader;

namespace Digibank.Api.HelpRequests;

public static class HelpRequestDataLoaders
{
    public static IDataLoaderResult<Topic?> LoadTopic(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, Topic>(nameof(LoadTopic), id, (db, ids) => db.Topics.Where(t => ids.Contains(t.Id)), t => t.Id);

    public static IDataLoaderResult<Digibuddy?> LoadDigibuddy(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, Digibuddy>(nameof(LoadDigibuddy), id, (db, ids) => db.Digibuddies.Where(d => ids.Contains(d.Id)), d => d.Id);

    public static IDataLoaderResult<IReadOnlyList<Topic>> LoadSkills(this IResolveFieldContext context, int digibuddyId) =>
        context.LoadGroup<int, DigibuddySkill>(
                nameof(LoadSkills),
                digibuddyId,
                (db, ids) => db.Digibuddies
                    .Where(d => ids.Contains(d.Id))
                    .SelectMany(d => d.Skills, (d, t) => new DigibuddySkill(d.Id, t)),
                skill => skill.DigibuddyId)
            .Then(rows => (IReadOnlyList<Topic>)[.. rows.Select(row => row.Topic).OrderBy(topic => topic.Name, StringComparer.Ordinal)]);

    public sealed record DigibuddySkill(int DigibuddyId, Topic Topic);
}
