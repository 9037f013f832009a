using Digibank.Api.GraphQL.Filtering;

namespace Digibank.Api.Partners;

public sealed class PartnerFilterInputType : FilterInputType<Partner>
{
    public PartnerFilterInputType()
        : base("PartnerFilterInput", "Conditions on a partner.")
    {
        Id("id", p => p.Id, PartnerType.TypeName);
        Text("code", p => p.Code);
        Text("name", p => p.Name, p => p.NameKey);
        Enum("kind", p => p.Kind);
    }
}
