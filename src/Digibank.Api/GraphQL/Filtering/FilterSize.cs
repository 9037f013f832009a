using GraphQL.Validation;

namespace Digibank.Api.GraphQL.Filtering;

/// <summary>How deep a filter nests, how many conditions it holds and its longest <c>in</c>/<c>nin</c> list, measured while it is parsed.</summary>
public readonly record struct FilterSize(int Depth, int Conditions, int LongestList)
{
    /// <summary>Measures one level of a <c>where:</c> value whose nested filters are already parsed (and measured).</summary>
    public static FilterSize Measure(IDictionary<string, object?> value)
    {
        var depth = 0;
        var conditions = 0;
        var longestList = 0;
        Visit(value);
        return new FilterSize(depth + 1, conditions, longestList);

        void Visit(object? item)
        {
            switch (item)
            {
                case IFilter nested:
                    depth = Math.Max(depth, nested.Size.Depth);
                    conditions += nested.Size.Conditions;
                    longestList = Math.Max(longestList, nested.Size.LongestList);
                    break;
                case IDictionary<string, object?> operations:
                    foreach (var operation in operations.Values)
                    {
                        Visit(operation);
                    }

                    break;
                case IEnumerable<object?> list when list.FirstOrDefault() is IFilter:
                    foreach (var nested in list)
                    {
                        Visit(nested);
                    }

                    break;
                case IEnumerable<object?> values:
                    conditions++;
                    longestList = Math.Max(longestList, values.Count());
                    break;
                case not null:
                    conditions++;
                    break;
            }
        }
    }

    /// <summary>
    /// Refuses a <c>where</c> argument deeper or larger than <see cref="QueryLimits"/> allow, before any SQL runs. It is the
    /// argument's validator, so it sees the whole filter however it came (inline, a <c>$where</c> variable, a list or a
    /// nested filter from a variable); thrown while a literal is parsed, the error would lose its code to INVALID_LITERAL.
    /// </summary>
    public static void EnsureWithinLimits(object filter)
    {
        var size = ((IFilter)filter).Size;
        if (size.Depth > QueryLimits.MaxFilterDepth)
        {
            throw TooComplex($"A `where` filter can nest at most {QueryLimits.MaxFilterDepth} levels of and, or and related objects.");
        }

        if (size.Conditions > QueryLimits.MaxFilterConditions)
        {
            throw TooComplex($"A `where` filter can hold at most {QueryLimits.MaxFilterConditions} conditions.");
        }

        if (size.LongestList > QueryLimits.MaxFilterListValues)
        {
            throw TooComplex($"An `in` or `nin` list can hold at most {QueryLimits.MaxFilterListValues} values.");
        }
    }

    private static ValidationError TooComplex(string message) => new(message) { Code = ErrorCodes.FilterTooComplex };
}
