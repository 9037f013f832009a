using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Relay;
using GraphQL.DataLoader;
using GraphQL;
using GraphQL.Types;

namespace Digibank.Api.Municipalities;

public sealed class MunicipalityType : NodeGraphType<Municipality>
{
    public const string TypeName = "Municipality";

    public MunicipalityType()
        : base(TypeName, "A town of the region (gemeente).")
    {
        Field(m => m.Name).Description("Name of the town, e.g. Heuvelland.");
        Field(m => m.PostalCode).Description("Main postal code.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MunicipalitySectionType>>>>("sections")
            .Description("The former municipalities (deelgemeenten) the town was merged from, e.g. Kemmel or Krombeke.")
            .Resolve(context => context.LoadSections(context.Source.Id));
        Reads("sections");
    }
}

public sealed class MunicipalitySectionType : ObjectGraphType<MunicipalitySection>
{
    public MunicipalitySectionType()
    {
        Name = "MunicipalitySection";
        Description = "A section (deelgemeente) of a town.";
        Field(s => s.Name).Description("Name of the section, e.g. Krombeke.");
        Field(s => s.PostalCode);
    }
}

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
