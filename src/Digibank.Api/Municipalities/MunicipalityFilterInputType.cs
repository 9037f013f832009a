using Digibank.Api.GraphQL.Filtering;

namespace Digibank.Api.Municipalities;

public sealed class MunicipalityFilterInputType : FilterInputType<Municipality>
{
    public MunicipalityFilterInputType()
        : base("MunicipalityFilterInput", "Conditions on a town.")
    {
        Id("id", m => m.Id, MunicipalityType.TypeName);
        Text("name", m => m.Name, m => m.NameKey);
        Text("postalCode", m => m.PostalCode);
    }
}
