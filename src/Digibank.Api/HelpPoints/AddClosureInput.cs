using System.ComponentModel;
using GraphQL;

namespace Digibank.Api.HelpPoints;

public sealed record AddClosureInput(
    [property: Id] string HelpPointId,
    [property: Description("When the point closes.")] DateTime StartsAt,
    [property: Description("When it opens again (the closure ends just before).")] DateTime EndsAt,
    [property: Description("Why, as residents will read it: \"Zomersluiting\", \"Personeelsdag\"; at most 100 characters.")] string Reason);
