using GraphQL;

namespace Digibank.Api.GraphQL;

public static class ResolveFieldContextExtensions
{
    /// <summary>The application's clock, in UTC: the one tests fix, so "now" is the same everywhere in a request.</summary>
    public static DateTime UtcNow(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
}
