using Digibank.Api.GraphQL.Sorting;

namespace Digibank.Api.Partners;

public sealed class PartnerSortInputType : SortInputType<Partner>
{
    public PartnerSortInputType()
        : base("PartnerSortInput", "Sort order for partners.")
    {
        By("code", p => p.Code);
        By("name", p => p.Name);
        By("kind", p => p.Kind);
    }
}
