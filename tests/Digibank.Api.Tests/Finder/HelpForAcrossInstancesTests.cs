using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Sync;
using Digibank.Api.Tests.Storage;

namespace Digibank.Api.Tests.Finder;

/// <summary>
/// Two API instances on one PostgreSQL database with Redis between them, the outbox poll at ten minutes: a course
/// withdrawn through one leaves the help finder's answers of the other at once, though the other answers from memory.
/// </summary>
public sealed class HelpForAcrossInstancesTests : IDisposable
{
    private const string FirstCourse = "query ($q: String!) { helpFor(question: $q) { courses(first: 1) { nodes { id title } } explanation } }";
    private const string Question = "de juf schrijft alleen via smartschool";

    private readonly InstancesWithRedis? _instances = InstancesWithRedis.StartIfAvailable();

    [PostgreSqlAndRedisFact]
    public async Task A_course_withdrawn_on_one_instance_is_no_longer_suggested_by_the_other()
    {
        var before = await FirstCourseOnSecondAsync();
        var withdrawn = (string)before["nodes"]![0]!["id"]!;
        await using (var db = _instances!.First.CreateDbContext())
        {
            await OfferWriter.WithdrawCoursesAsync(db, [GlobalId.DecodeFor(CourseType.TypeName, withdrawn)], _instances!.First.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var after = await FirstCourseOnSecondAsync();
        while ((string?)after["nodes"]![0]!["id"] == withdrawn && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            after = await FirstCourseOnSecondAsync();
        }

        Assert.NotEqual(withdrawn, (string?)after["nodes"]![0]!["id"]);
        Assert.Contains((string)after["nodes"]![0]!["title"]!, (string?)after.Parent!["explanation"], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _instances?.Dispose();
    }

    private async Task<System.Text.Json.Nodes.JsonNode> FirstCourseOnSecondAsync() =>
        (await _instances!.Second.CreateGraphQLClient().QueryAsync(FirstCourse, new { q = Question }))["helpFor"]!["courses"]!;
}
