using Digibank.Api.GraphQL.Relay;
using GraphQL.Types;

namespace Digibank.Api.HelpPoints;

public sealed class ClosureType : ObjectGraphType<Closure>
{
    public const string TypeName = "Closure";

    public ClosureType()
    {
        Name = TypeName;
        Description = "A time the help point is closed although its weekly hours say open.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(c => c.StartsAt);
        Field(c => c.EndsAt).Description("The closure ends just before this moment.");
        Field(c => c.Reason).Description("Why, for residents: \"Zomersluiting\", \"Personeelsdag\".");
    }
}
