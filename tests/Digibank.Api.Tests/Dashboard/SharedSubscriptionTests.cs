using Digibank.Api.GraphQL.Transport;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>
/// On an API of its own: it counts the running shared executions, and the subscriptions of tests before it on
/// the same API end a moment after their sockets close, which would change the count under its feet.
/// </summary>
public sealed class SharedSubscriptionTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public async Task Identical_subscriptions_of_the_same_kind_of_caller_share_one_execution()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var shared = api.Services.GetRequiredService<SharedSubscriptions>();
        const string Query = "subscription { courseAvailabilityChanged(courseId: \"\") { kind } }";
        var query = Query.Replace("\"\"", $"\"{course}\"", StringComparison.Ordinal);
        var before = shared.Running;
        await using var first = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await using var second = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await using var staff = await GraphQLWebSocketClient.ConnectAndInitAsync(api, api.Services.GetRequiredService<StaffTokens>().Mint("s", "Staf", StaffRole.Coordinator, Region.FirstRegionId, []));
        await first.SubscribeAsync("1", query);
        await second.SubscribeAsync("2", query);
        await staff.SubscribeAsync("3", query);

        Assert.Equal(before + 2, shared.Running);
        await SignUpAsync(course, "Mieke");
        Assert.Equal("COURSE_AVAILABILITY", (string?)(await first.NextAsync("1"))["payload"]!["data"]!["courseAvailabilityChanged"]!["kind"]);
        Assert.Equal("COURSE_AVAILABILITY", (string?)(await second.NextAsync("2"))["payload"]!["data"]!["courseAvailabilityChanged"]!["kind"]);
        Assert.Equal("COURSE_AVAILABILITY", (string?)(await staff.NextAsync("3"))["payload"]!["data"]!["courseAvailabilityChanged"]!["kind"]);
    }

    private async Task SignUpAsync(string courseId, string firstName) =>
        await api.CreateGraphQLClient().QueryAsync(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { signUp { id } errors { ... on Error { code } } } }",
            new { input = new { courseId, firstName, email = $"{firstName.ToLowerInvariant()}@example.com", municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true } });
}
