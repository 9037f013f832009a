using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Partners;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Courses;

/// <summary>Courses made for one test, so what it asserts does not depend on the demo sign-ups.</summary>
public static class TestCourses
{
    public static async Task<string> AddAsync(
        DigibankApiFactory api,
        int capacity,
        string helpPoint = "Bibliotheek Poperinge",
        TimeSpan? deadlineIn = null,
        CourseStatus status = CourseStatus.Scheduled,
        string? title = null)
    {
        await using var db = api.CreateDbContext();
        var point = await db.HelpPoints.SingleAsync(h => h.Name == helpPoint);
        var partner = await db.Partners.FirstAsync(p => p.Code == "bib-poperinge");
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var course = new Course
        {
            Title = title ?? $"Testcursus {Guid.NewGuid():N}",
            Summary = "Een cursus voor één test.",
            PartnerId = partner.Id,
            ExternalId = Guid.NewGuid().ToString("N"),
            HelpPointId = point.Id,
            MunicipalityId = point.MunicipalityId,
            Capacity = capacity,
            Status = status,
            StartsAt = now.AddDays(14),
            SignUpDeadline = now + (deadlineIn ?? TimeSpan.FromDays(10)),
            TargetGroups = [TargetGroup.Everyone],
            Sessions = [new CourseSession { StartsAt = now.AddDays(14), EndsAt = now.AddDays(14).AddHours(2) }],
            UpdatedAt = now,
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        return GlobalId.Encode(CourseType.TypeName, course.Id);
    }

    public static async Task<string> MunicipalityIdAsync(DigibankApiFactory api, string name = "Poperinge")
    {
        await using var db = api.CreateDbContext();
        return GlobalId.Encode(MunicipalityType.TypeName, (await db.Municipalities.SingleAsync(m => m.Name == name)).Id);
    }
}
