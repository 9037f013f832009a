using System.Runtime.CompilerServices;
using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpPoints;

/// <summary>
/// The region's help points with their town, weekly hours and closures, read once and kept: the help finder asks
/// for them with every question, and they change a few times a year. Read again after <see cref="Freshness"/>,
/// and at once in every instance when a closure is added or removed (<see cref="HelpPointCalendarChanged"/>).
/// The rows are shared: callers only read them.
/// </summary>
public sealed class HelpPointDirectory : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly StoreSnapshot<IReadOnlyList<HelpPoint>> _points;

    // The rows this directory read, with their hours and closures: a field of one needs no query for its calendar.
    private readonly ConditionalWeakTable<HelpPoint, object> _readWithCalendar = new();

    public HelpPointDirectory(IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock) =>
        _points = new StoreSnapshot<IReadOnlyList<HelpPoint>>(
            async cancellationToken =>
            {
                await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                var points = await db.HelpPoints.AsNoTracking()
                    .Include(h => h.OpeningHours).Include(h => h.Closures.Where(c => c.EndsAt > now)).Include(h => h.Municipality)
                    .AsSingleQuery().ToListAsync(cancellationToken);
                foreach (var point in points)
                {
                    _readWithCalendar.AddOrUpdate(point, point);
                }

                return points;
            },
            Freshness,
            clock);

    public ValueTask<IReadOnlyList<HelpPoint>> AllAsync(CancellationToken cancellationToken) => _points.GetAsync(cancellationToken);

    /// <summary>The weekly hours and the closures not over at <paramref name="utcNow"/> of a row this directory read; null for a row read elsewhere.</summary>
    public HelpPointCalendar? CalendarOf(HelpPoint point, DateTime utcNow) =>
        _readWithCalendar.TryGetValue(point, out _)
            ? new HelpPointCalendar([.. point.OpeningHours], [.. point.Closures.Where(c => c.EndsAt > utcNow).Select(ClosedPeriod.Of)])
            : null;

    public void Invalidate() => _points.Invalidate();

    public void Dispose() => _points.Dispose();
}
