using Digibank.Api.GraphQL.Relay;
using GraphQL.Types;

namespace Digibank.Api.Regions;

/// <summary>A coordinator the admin named, as the admin sees it in the payload of <c>nameRegionCoordinator</c>.</summary>
public sealed class RegionCoordinatorType : ObjectGraphType<RegionCoordinator>
{
    public RegionCoordinatorType()
    {
        Name = "RegionCoordinator";
        Description = "A person named coordinator of a region; `--mint-token coordinator --name … --region <code>` gives them their token.";
        Field<NonNullGraphType<IdGraphType>>("regionId").Description("The region they coordinate.")
            .Resolve(context => GlobalId.Encode(RegionType.TypeName, context.Source.RegionId));
        Field(c => c.Name);
        Field(c => c.Email);
        Field(c => c.NamedAt).Description("When the admin named them.");
    }
}
