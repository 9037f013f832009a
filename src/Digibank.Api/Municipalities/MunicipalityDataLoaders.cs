using Digibank.Api.GraphQL.DataLoading;
using GraphQL.DataLoader;
using GraphQL;

namespace Digibank.Api.Municipalities;

public static class MunicipalityDataLoaders
{
    public static IDataLoaderResult<Municipality?> LoadMunicipality(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, Municipality>(nameof(LoadMunicipality), id, (db, ids) => db.Municipalities.Where(m => ids.Contains(m.Id)), m => m.Id);

    /// <summary>The town already read with its row (a projection joined it in), as it is, or else batch-loaded: a joined row wrapped in a data loader result would wait for a second pass over the level.</summary>
    public static object? LoadMunicipality(this IResolveFieldContext context, Municipality? joined, int id) =>
        joined ?? (object)context.LoadMunicipality(id);

    public static IDataLoaderResult<MunicipalitySection?> LoadSection(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, MunicipalitySection>(nameof(LoadSection), id, (db, ids) => db.MunicipalitySections.Where(s => ids.Contains(s.Id)), s => s.Id);

    public static IDataLoaderResult<IReadOnlyList<MunicipalitySection>> LoadSections(this IResolveFieldContext context, int municipalityId) =>
        context.LoadGroup<int, MunicipalitySection>(
            nameof(LoadSections),
            municipalityId,
            (db, ids) => db.MunicipalitySections.Where(s => ids.Contains(s.MunicipalityId)).OrderBy(s => s.Name),
            s => s.MunicipalityId);
}
