using Digibank.Api.Courses;
using Digibank.Api.DemoRegion;
using Digibank.Api.Devices;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.DemoRegion;

public sealed class DemoRegionTests
{
    [Fact]
    public async Task A_new_database_gets_the_demo_region_with_courses_in_the_coming_weeks()
    {
        await using var api = new DigibankApiFactory();
        _ = api.Server;
        await using var db = api.CreateDbContext();

        var courses = await db.Courses.Include(c => c.Sessions).ToListAsync();
        Assert.InRange(courses.Count, 35, 60);
        Assert.InRange(await db.Devices.CountAsync(), 50, 80);
        Assert.All(courses, course => Assert.NotEmpty(course.Sessions));
        Assert.All(courses.Where(c => c.Status == CourseStatus.Scheduled), course =>
            Assert.InRange(course.StartsAt!.Value, DigibankApiFactory.Now.UtcDateTime, DigibankApiFactory.Now.UtcDateTime.AddDays(70)));
    }

    [Fact]
    public async Task The_demo_can_be_switched_off_and_the_schema_is_still_migrated()
    {
        await using var api = new EmptyDigibankApiFactory();
        _ = api.Server;
        await using var db = api.CreateDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Courses.CountAsync());
        var response = await api.CreateGraphQLClient().QueryAsync("{ courses { totalCount nodes { id } } }");
        Assert.Equal(0, (int)response["courses"]!["totalCount"]!);
    }

    [Fact]
    public async Task The_demo_is_seeded_only_into_an_empty_database()
    {
        await using var api = new DigibankApiFactory();
        _ = api.Server;
        await using (var db = api.CreateDbContext())
        {
            var before = await db.Courses.CountAsync();
            await DemoRegionSeeder.SeedIfEmptyAsync(db, DigibankApiFactory.Now.UtcDateTime);
            Assert.Equal(before, await db.Courses.CountAsync());
        }
    }
}
