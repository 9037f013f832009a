using Digibank.Api.GraphQL.Sorting;
using Digibank.Api.Municipalities;

namespace Digibank.Api.HelpPoints;

public sealed class HelpPointSortInputType : SortInputType<HelpPoint>
{
    public HelpPointSortInputType()
        : base("HelpPointSortInput", "Sort order for help points.")
    {
        By("name", h => h.Name);
        By("kind", h => h.Kind);
        Object<MunicipalitySortInputType, Municipality>("municipality", h => h.Municipality);
    }
}
