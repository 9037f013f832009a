using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using GraphQL.Types;

namespace Digibank.Api.Regions;

/// <summary>A region as anyone sees it: its code, name, towns and reporting setting; nothing about its people or staff.</summary>
public sealed class RegionType : NodeGraphType<Region>
{
    public const string TypeName = "Region";

    public RegionType()
        : base(TypeName, "One Digibank: an alliance of towns with its own help points, staff and people, e.g. Digibank regio Poperinge.")
    {
        Field(r => r.Code).Description("Short stable code, e.g. `poperinge`.");
        Field(r => r.Name).Description("The Digibank's name, e.g. Digibank regio Poperinge.");
        Field(r => r.SmallGroupThreshold).Description("Reach figures under this count are shown as \"fewer than\", so that nobody can be recognised in them.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MunicipalityType>>>>("municipalities")
            .Description("The towns of the region, by name.")
            .Resolve(context => context.LoadGroup<int, Municipality>(
                "LoadMunicipalitiesOfRegion",
                context.Source.Id,
                (db, ids) => db.Municipalities.Where(m => ids.Contains(m.RegionId)).OrderBy(m => m.Name),
                m => m.RegionId));
        Reads("municipalities");
    }
}
