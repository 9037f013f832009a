using Digibank.Api.GraphQL.Sorting;

namespace Digibank.Api.Municipalities;

public sealed class MunicipalitySortInputType : SortInputType<Municipality>
{
    public MunicipalitySortInputType()
        : base("MunicipalitySortInput", "Sort order for towns.")
    {
        By("name", m => m.Name);
        By("postalCode", m => m.PostalCode);
    }
}
