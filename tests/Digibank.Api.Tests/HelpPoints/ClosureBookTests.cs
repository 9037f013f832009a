using Digibank.Api.HelpPoints;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.HelpPoints;

/// <summary>The closure rules on the database itself, without GraphQL.</summary>
public sealed class ClosureBookTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private DateTime Now => api.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Staff_close_only_the_points_they_work_at_and_never_for_a_time_that_is_over()
    {
        await using var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var points = await db.HelpPoints.OrderBy(h => h.Id).Select(h => h.Id).Take(2).ToListAsync();
        var staffOfFirst = new StaffUser("staff-first", "Els", StaffRole.Staff, Region.FirstRegionId, new HashSet<int> { points[0] }, null);
        var book = new ClosureBook(db, Now);

        var elsewhere = await book.AddAsync(new AddClosure(points[1], Now.AddDays(1), Now.AddDays(2), "Personeelsdag", staffOfFirst), CancellationToken.None);
        var rules = new InputRules();
        ClosureBook.Check(rules, new AddClosure(points[0], Now.AddDays(-2), Now.AddDays(-1), "Personeelsdag", staffOfFirst), Now);
        var own = await book.AddAsync(
            ClosureBook.Check(new InputRules(), new AddClosure(points[0], Now.AddDays(1), Now.AddDays(2), "  Personeelsdag ", staffOfFirst), Now), CancellationToken.None);

        Assert.IsType<NotAllowedError>(elsewhere.Error);
        Assert.Equal(("endsAt", "This closure is over already."), (Assert.IsType<InvalidInputError>(Assert.Single(rules.Errors)).Field, rules.Errors[0].Message));
        Assert.Equal(("Personeelsdag", points[0]), (own.Value!.Reason, own.Value.HelpPointId));
        Assert.Single(db.ChangeTracker.Entries<Closure>());
    }
}
