using Digibank.Api.GraphQL.Relay;

namespace Digibank.Api.GraphQL;

public sealed class TopicType : NodeGraphType<Topic>
{
    public const string TypeName = "Topic";

    public TopicType()
        : base(TypeName, "A subject such as tax-on-web, itsme or Smartschool.")
    {
        Field(t => t.Code).Description("Stable code, e.g. `tax-on-web`.");
        Field(t => t.Name);
    }
}
