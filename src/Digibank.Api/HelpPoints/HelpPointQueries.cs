using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL.Filtering;
using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.GraphQL.Sorting;
using Digibank.Api.Municipalities;
using GraphQL.Types;

namespace Digibank.Api.HelpPoints;

public static class HelpPointQueries
{
    public static IServiceCollection AddHelpPoints(this IServiceCollection services) =>
        services.AddNodeSource(HelpPointType.TypeName, db => db.HelpPoints)
            .AddSingleton<HelpPointDirectory>()
            .AddWhenCommitted<HelpPointCalendarChanged, HelpPointDirectory>("help point directory", directory => directory.Invalidate());

    public static void AddHelpPointQueries(this ObjectGraphType query) =>
        query.ConnectionField<HelpPointType, HelpPoint, HelpPointFilterInputType, HelpPointSortInputType>(
                "helpPoints",
                db => db.HelpPoints,
                new SortStep<HelpPoint>((HelpPoint h) => h.Name, SortDirection.Asc))
            .Description("The antenna points of the region and the mobile team.");
}

public sealed class HelpPointFilterInputType : FilterInputType<HelpPoint>
{
    public HelpPointFilterInputType()
        : base("HelpPointFilterInput", "Conditions on a help point.")
    {
        Id("id", h => h.Id, HelpPointType.TypeName);
        Text("name", h => h.Name, h => h.NameKey);
        Enum("kind", h => h.Kind);
        Object<MunicipalityFilterInputType, Municipality>("municipality", h => h.Municipality);
        EnumList("services", h => h.Services);
        Boolean("wheelchairAccessible", h => h.WheelchairAccessible);
    }
}

public sealed class HelpPointSortInputType : SortInputType<HelpPoint>
{
    public HelpPointSortInputType()
        : base("HelpPointSortInput", "Sort order for help points.")
    {
        By("name", h => h.Name);
        By("kind", h => h.Kind);
        Object<MunicipalitySortInputType, Municipality>("municipality", h => h.Municipality);
    }
}
