using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Digibank.Api.Municipalities;
using GraphQL;

namespace Digibank.Api.Dashboard;

/// <summary>
/// The period [from, to) of a report and its calendar months in Belgian local time. Queries mark a timestamp with
/// <see cref="MonthOf"/>; <see cref="InMonths{T}"/> turns the mark into SQL that the database can group by.
/// </summary>
public sealed class ReachPeriod
{
    public const string InvalidPeriod = "INVALID_PERIOD";
    public const int MaxYears = 3;

    private static readonly MethodInfo MonthOfMethod = typeof(ReachPeriod).GetMethod(nameof(MonthOf))!;

    private ReachPeriod(DateTime from, DateTime to)
    {
        From = from;
        To = to;
        Months = BelgianMonths(from, to);
    }

    public DateTime From { get; }

    public DateTime To { get; }

    /// <summary>The calendar months the period touches, as <c>yyyy-MM</c>, the first one at index 0.</summary>
    public IReadOnlyList<(string Label, DateTime StartsAt)> Months { get; }

    public static ReachPeriod Create(DateTime from, DateTime to)
    {
        var (utcFrom, utcTo) = (AsUtc(from), AsUtc(to));
        if (utcTo <= utcFrom)
        {
            throw new ExecutionError("`to` must come after `from`.") { Code = InvalidPeriod };
        }

        if (utcTo > utcFrom.AddYears(MaxYears))
        {
            throw new ExecutionError($"A period can be at most {MaxYears} years long.") { Code = InvalidPeriod };
        }

        return new ReachPeriod(utcFrom, utcTo);
    }

    /// <summary>Marks a timestamp in a query whose Belgian calendar month (an index into <see cref="Months"/>) is needed.</summary>
    public static int MonthOf(DateTime utc) =>
        throw new InvalidOperationException($"{nameof(MonthOf)} only works inside a query passed through {nameof(InMonths)}.");

    /// <summary>Replaces every <see cref="MonthOf"/> mark with a comparison against the month boundaries, which every database can run.</summary>
    public IQueryable<T> InMonths<T>(IQueryable<T> query) =>
        query.Provider.CreateQuery<T>(new MonthMarkExpander(Months).Visit(query.Expression));

    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();

    private static List<(string Label, DateTime StartsAt)> BelgianMonths(DateTime from, DateTime to)
    {
        var localFrom = RegionTime.ToLocal(from);
        var month = new DateTime(localFrom.Year, localFrom.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var months = new List<(string, DateTime)>();
        // Midnight on the first of a month is never in a daylight-saving gap in Brussels, so the conversion is exact.
        for (var startsAt = from; startsAt < to; month = month.AddMonths(1), startsAt = TimeZoneInfo.ConvertTimeToUtc(month, RegionTime.TimeZone))
        {
            months.Add((month.ToString("yyyy-MM", CultureInfo.InvariantCulture), startsAt));
        }

        return months;
    }

    private sealed class MonthMarkExpander(IReadOnlyList<(string Label, DateTime StartsAt)> months) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != MonthOfMethod)
            {
                return base.VisitMethodCall(node);
            }

            var timestamp = Visit(node.Arguments[0]);
            Expression month = Expression.Constant(months.Count - 1);
            for (var index = months.Count - 2; index >= 0; index--)
            {
                month = Expression.Condition(
                    Expression.LessThan(timestamp, Expression.Constant(months[index + 1].StartsAt)),
                    Expression.Constant(index),
                    month);
            }

            return month;
        }
    }
}
