using GraphQL.Types;

namespace Digibank.Api.HelpPoints;

public sealed class GeoPointType : ObjectGraphType<GeoPoint>
{
    public GeoPointType()
    {
        Name = "GeoPoint";
        Description = "WGS 84 coordinates.";
        Field(p => p.Latitude);
        Field(p => p.Longitude);
    }
}
