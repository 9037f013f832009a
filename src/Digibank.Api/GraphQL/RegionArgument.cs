using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Digibank.Api.GraphQL;

/// <summary>
/// The public fields' optional <c>region</c>: a region's code narrows the answer to that Digibank, no code means all
/// regions. A code no region has is an error (<see cref="ErrorCodes.RegionNotFound"/>), not an empty answer: a
/// partner site with a typing error in its code should hear so, not show an empty catalogue.
/// </summary>
public static class RegionArgument
{
    public const string Name = "region";

    public static FieldBuilder<TSource, TReturn> WithRegionArgument<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string what) =>
        field.Argument<StringGraphType>(Name, $"Only {what} of this region, by its code (e.g. `poperinge`); all regions when left out.");

    /// <summary>The region the caller named, or null for all regions.</summary>
    public static async ValueTask<int?> RegionIdAsync(this IResolveFieldContext context)
    {
        if (context.GetArgument<string?>(Name) is not { } code)
        {
            return null;
        }

        return code.Length <= 100 && await context.RequestServices!.GetRequiredService<IRegionCodes>().IdOfAsync(code, context.CancellationToken) is { } id
            ? id
            : throw new ExecutionError("No region has this code; the query `regions` lists them.") { Code = ErrorCodes.RegionNotFound };
    }
}
