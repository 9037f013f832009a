using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Filtering;

namespace Digibank.Api.Courses;

public sealed class TopicFilterInputType : FilterInputType<Topic>
{
    public TopicFilterInputType()
        : base("TopicFilterInput", "Conditions on a topic.")
    {
        Id("id", t => t.Id, TopicType.TypeName);
        Text("code", t => t.Code);
        Text("name", t => t.Name, t => t.NameKey);
    }
}
