using Digibank.Api.GraphQL.Filtering;
using Digibank.Api.Municipalities;

namespace Digibank.Api.HelpPoints;

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
