using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Finder;

/// <summary>
/// The courses that go ahead (scheduled or full) and have not started, per topic, kept in memory so that the help
/// finder answers without a query. Read again after <see cref="Freshness"/>, and at once in every instance when a
/// partner's sync run is recorded or courses are withdrawn, cancelled or rescheduled. Seats are not kept: they
/// change with every sign-up, and a client that asks for them gets them from the database.
/// </summary>
public sealed class UpcomingCourses : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly StoreSnapshot<UpcomingCourseIndex> _index;

    public UpcomingCourses(IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock) =>
        _index = new StoreSnapshot<UpcomingCourseIndex>(
            async cancellationToken =>
            {
                await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
                return await UpcomingCourseIndex.ReadAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
            },
            Freshness,
            clock);

    public ValueTask<UpcomingCourseIndex> IndexAsync(CancellationToken cancellationToken) => _index.GetAsync(cancellationToken);

    public void Invalidate() => _index.Invalidate();

    public void Dispose() => _index.Dispose();
}
