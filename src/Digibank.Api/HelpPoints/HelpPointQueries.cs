using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.GraphQL.Sorting;
using GraphQL.Types;

namespace Digibank.Api.HelpPoints;

public static class HelpPointQueries
{
    public static IServiceCollection AddHelpPoints(this IServiceCollection services) =>
        services.AddNodeSource(HelpPointType.TypeName, db => db.HelpPoints)
            .AddSingleton<HelpPointDirectory>()
            .AddWhenCommitted<HelpPointCalendarChanged, HelpPointDirectory>("help point directory", directory => directory.Invalidate())
            .AddScoped<CounterClosures>();

    public static void AddHelpPointQueries(this ObjectGraphType query) =>
        query.ConnectionField<HelpPointType, HelpPoint, HelpPointFilterInputType, HelpPointSortInputType>(
                "helpPoints",
                db => db.HelpPoints,
                async context => await context.RegionIdAsync() is { } region ? h => h.RegionId == region : null,
                new SortStep<HelpPoint>((HelpPoint h) => h.Name, SortDirection.Asc))
            .Description("The antenna points and mobile teams of every region, or of one.")
            .WithRegionArgument("help points");
}
