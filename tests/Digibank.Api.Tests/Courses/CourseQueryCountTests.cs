using Digibank.Api.Courses;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Courses;

/// <summary>No N+1: the SQL statements of a catalogue page do not grow with the page size.</summary>
public sealed class CourseQueryCountTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string CataloguePage = """
        query ($first: Int!) {
          courses(first: $first) {
            totalCount
            nodes {
              title
              seatsLeft
              partner { name }
              location { name street helpPoint { name openingHours { day opens } } municipality { name } }
              topics { name }
              sessions { startsAt endsAt }
            }
          }
        }
        """;

    [Fact]
    public async Task A_page_of_100_courses_runs_as_many_statements_as_a_page_of_10()
    {
        await AddCoursesUntilAtLeast(150);
        var client = api.CreateGraphQLClient();
        await client.QueryAsync(CataloguePage, new { first = 5 }); // warm-up: migrations, model and plan caches

        api.SqlStatements.Reset();
        var small = await client.QueryAsync(CataloguePage, new { first = 10 });
        var statementsFor10 = api.SqlStatements.Count;

        api.SqlStatements.Reset();
        var large = await client.QueryAsync(CataloguePage, new { first = 100 });
        var statementsFor100 = api.SqlStatements.Count;

        Assert.Equal(10, small["courses"]!["nodes"]!.AsArray().Count);
        Assert.Equal(100, large["courses"]!["nodes"]!.AsArray().Count);
        Assert.Equal(statementsFor10, statementsFor100);
        // the page (partner, help point and town joined in), its count, and one each for
        // opening hours, topics, sessions and seat counts
        Assert.Equal(6, statementsFor100);
    }

    private async Task AddCoursesUntilAtLeast(int total)
    {
        await using var db = api.CreateDbContext();
        var existing = await db.Courses.CountAsync();
        var template = await db.Courses.AsNoTracking().Include(c => c.Sessions).OrderBy(c => c.Id).FirstAsync();
        var topics = await db.Topics.Take(2).ToListAsync();
        db.AttachRange(topics);
        for (var index = existing; index < total; index++)
        {
            db.Courses.Add(new Course
            {
                Title = $"{template.Title} (groep {index})",
                Summary = template.Summary,
                PartnerId = template.PartnerId,
                ExternalId = $"EXTRA-{index}",
                HelpPointId = template.HelpPointId,
                MunicipalityId = template.MunicipalityId,
                Capacity = 12,
                StartsAt = template.StartsAt,
                Topics = topics,
                TargetGroups = [TargetGroup.Seniors],
                Sessions = [.. template.Sessions.Select(s => new CourseSession { StartsAt = s.StartsAt, EndsAt = s.EndsAt })],
                UpdatedAt = template.UpdatedAt,
            });
        }

        await db.SaveChangesAsync();
    }
}
