using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;

namespace Digibank.Api.GraphQL.Paging;

/// <summary>
/// Cursor paging over an ordered query. A cursor is the opaque position of a row in that order,
/// so paging forwards and backwards both become one OFFSET/LIMIT query; one extra row tells
/// whether another page follows.
/// </summary>
public static class Pager
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    // Room for "the next row" and one page past it, so position arithmetic never wraps around.
    private const int MaxCursorPosition = int.MaxValue - (2 * MaxPageSize) - 2;

    public static async Task<Connection<T>> PageAsync<T>(
        PagingArguments arguments,
        Func<int, int, CancellationToken, Task<List<T>>> page,
        Func<CancellationToken, Task<int>> countAsync,
        CancellationToken cancellationToken)
    {
        var (first, last) = Validate(arguments);
        var lower = arguments.After is null ? 0 : DecodeCursor(arguments.After) + 1;
        int? upper = arguments.Before is null ? null : DecodeCursor(arguments.Before);

        if (arguments.Before is not null && first is null && last is null)
        {
            last = DefaultPageSize;
        }

        if (last is { } fromEnd)
        {
            upper ??= await countAsync(cancellationToken);
            lower = Math.Max(lower, upper.Value - fromEnd);
        }

        var take = Math.Max(0, Math.Min(upper.HasValue ? upper.Value - lower : int.MaxValue, first ?? last ?? DefaultPageSize));
        var rows = take == 0 ? [] : await page(lower, take + 1, cancellationToken);

        var edges = rows.Take(take).Select((row, index) => new Edge<T>(EncodeCursor(lower + index), row)).ToList();
        var pageInfo = new PageInfo
        {
            HasNextPage = rows.Count > take,
            HasPreviousPage = lower > 0,
            StartCursor = edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor = edges.Count > 0 ? edges[^1].Cursor : null,
        };
        return new Connection<T>(edges, pageInfo, countAsync);
    }

    private static (int? First, int? Last) Validate(PagingArguments arguments)
    {
        if (arguments.First is not null && arguments.Last is not null)
        {
            throw new ExecutionError("Pass either `first` or `last`, not both.") { Code = ErrorCodes.InvalidPaging };
        }

        foreach (var (name, size) in new[] { ("first", arguments.First), ("last", arguments.Last) })
        {
            if (size < 0)
            {
                throw new ExecutionError($"`{name}` cannot be negative.") { Code = ErrorCodes.InvalidPaging };
            }

            if (size > MaxPageSize)
            {
                throw new ExecutionError($"`{name}` can be at most {MaxPageSize}; ask for the next page with `after`.") { Code = ErrorCodes.PageSizeTooLarge };
            }
        }

        return (arguments.First, arguments.Last);
    }

    private static string EncodeCursor(int position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeCursor(string cursor)
    {
        Span<byte> buffer = stackalloc byte[16];
        if (cursor.Length <= 20
            && Base64Url.DecodeFromChars(cursor, buffer, out _, out var written) == System.Buffers.OperationStatus.Done
            && int.TryParse(buffer[..written], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            && position <= MaxCursorPosition)
        {
            return position;
        }

        throw new ExecutionError($"'{cursor}' is not a cursor of this list.") { Code = ErrorCodes.InvalidPaging };
    }
}
