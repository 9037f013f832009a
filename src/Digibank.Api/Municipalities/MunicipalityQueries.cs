using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.GraphQL.Sorting;
using GraphQL.Types;

namespace Digibank.Api.Municipalities;

public static class MunicipalityQueries
{
    public static IServiceCollection AddMunicipalities(this IServiceCollection services) =>
        services.AddNodeSource(MunicipalityType.TypeName, db => db.Municipalities);

    public static void AddMunicipalityQueries(this ObjectGraphType query) =>
        query.ConnectionField<MunicipalityType, Municipality, MunicipalityFilterInputType, MunicipalitySortInputType>(
                "municipalities",
                db => db.Municipalities,
                new SortStep<Municipality>((Municipality m) => m.Name, SortDirection.Asc))
            .Description("The towns of the region.");
}
