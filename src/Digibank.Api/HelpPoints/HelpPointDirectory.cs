using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpPoints;

/// <summary>A help point's closures changed: every instance reads the help points again.</summary>
public sealed record HelpPointCalendarChanged(int HelpPointId, DateTime At) : IDomainEvent;

/// <summary>
/// The region's help points with their town, weekly hours and closures, read once and kept: the help finder asks
/// for them with every question, and they change a few times a year. Read again after <see cref="Freshness"/>,
/// and at once in every instance when a closure is added or removed (<see cref="HelpPointCalendarChanged"/>).
/// The rows are shared: callers only read them.
/// </summary>
public sealed class HelpPointDirectory(IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private (IReadOnlyList<HelpPoint> Points, DateTimeOffset ReadAt)? _current;

    public async ValueTask<IReadOnlyList<HelpPoint>> AllAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && clock.GetUtcNow() - fresh.ReadAt < Freshness)
        {
            return fresh.Points;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } read && clock.GetUtcNow() - read.ReadAt < Freshness)
            {
                return read.Points;
            }

            await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
            var readAt = clock.GetUtcNow();
            var points = await db.HelpPoints.AsNoTracking()
                .Include(h => h.OpeningHours).Include(h => h.Closures.Where(c => c.EndsAt > readAt.UtcDateTime)).Include(h => h.Municipality)
                .AsSingleQuery().ToListAsync(cancellationToken);
            _current = (points, readAt);
            return points;
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Invalidate() => _current = null;

    public void Dispose() => _reading.Dispose();
}
