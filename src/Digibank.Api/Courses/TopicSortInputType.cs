using Digibank.Api.GraphQL.Sorting;

namespace Digibank.Api.Courses;

public sealed class TopicSortInputType : SortInputType<Topic>
{
    public TopicSortInputType()
        : base("TopicSortInput", "Sort order for topics.")
    {
        By("code", t => t.Code);
        By("name", t => t.Name);
    }
}
