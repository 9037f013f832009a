using Digibank.Api.Courses;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Dashboard;

public sealed class SubscriptionTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Events = """
        subscription ($town: ID) {
          signUpChanged(municipalityId: $town) { kind summary course { title seatsLeft waitingListLength } participant { firstName } }
        }
        """;

    [Fact]
    public async Task A_sign_up_reaches_subscribers_with_the_new_seat_count_and_only_staff_see_who()
    {
        var course = await TestCourses.AddAsync(api, capacity: 3);
        var coordinatorToken = api.Services.GetRequiredService<StaffTokens>().Mint("c", "Coördinator", StaffRole.Coordinator, Region.FirstRegionId, []);
        await using var anonymous = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await using var coordinator = await GraphQLWebSocketClient.ConnectAndInitAsync(api, coordinatorToken);
        await anonymous.SubscribeAsync("a", Events);
        await coordinator.SubscribeAsync("c", Events);

        await SignUpAsync(course, "Hendrik");

        var publicEvent = (await anonymous.NextAsync("a"))["payload"]!["data"]!["signUpChanged"]!;
        var staffEvent = (await coordinator.NextAsync("c"))["payload"]!["data"]!["signUpChanged"]!;
        Assert.Equal("SIGN_UP", (string?)publicEvent["kind"]);
        Assert.Equal(2, (int)publicEvent["course"]!["seatsLeft"]!);
        Assert.DoesNotContain("Hendrik", publicEvent.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(publicEvent["participant"]);
        Assert.Equal("Hendrik", (string?)staffEvent["participant"]!["firstName"]);
    }

    [Fact]
    public async Task Subscriptions_filter_by_town()
    {
        var inPoperinge = await TestCourses.AddAsync(api, capacity: 3, helpPoint: "Bibliotheek Poperinge");
        var inHeuvelland = await TestCourses.AddAsync(api, capacity: 3, helpPoint: "Bibliotheek Heuvelland");
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await client.SubscribeAsync("h", Events, new { town = await TestCourses.MunicipalityIdAsync(api, "Heuvelland") });

        await SignUpAsync(inPoperinge, "Ilse");
        await SignUpAsync(inHeuvelland, "Jozef");

        var received = (await client.NextAsync("h"))["payload"]!["data"]!["signUpChanged"]!;
        Assert.StartsWith("Testcursus", (string?)received["course"]!["title"], StringComparison.Ordinal);
        Assert.Equal(await TitleAsync(inHeuvelland), (string?)received["course"]!["title"]);
    }

    [Fact]
    public async Task A_change_that_is_rolled_back_publishes_nothing()
    {
        var course = await TestCourses.AddAsync(api, capacity: 3);
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await client.SubscribeAsync("r", Events);
        await using (var db = api.CreateDbContext())
        {
            // Makes the change feed's insert fail inside the sign-up's transaction, after the sign-up row was written.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER refuse_kees BEFORE INSERT ON "Participants" WHEN NEW."FirstName" = 'Kees'
                BEGIN SELECT RAISE(ABORT, 'refused'); END;
                """);
        }

        var failed = await api.CreateGraphQLClient().PostAsync(SignUpMutation, await SignUpVariables(course, "Kees"));
        await SignUpAsync(course, "Lotte");

        Assert.Equal(["INTERNAL_SERVER_ERROR"], failed.ErrorCodes);
        var first = (await client.NextAsync("r"))["payload"]!["data"]!["signUpChanged"]!;
        Assert.Equal(2, (int)first["course"]!["seatsLeft"]!);
    }

    private const string SignUpMutation = "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { signUp { id } errors { ... on Error { code } } } }";

    private async Task SignUpAsync(string courseId, string firstName) =>
        await api.CreateGraphQLClient().QueryAsync(SignUpMutation, await SignUpVariables(courseId, firstName));

    private async Task<object> SignUpVariables(string courseId, string firstName) => new
    {
        input = new { courseId, firstName, email = $"{firstName.ToLowerInvariant()}@example.com", municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true },
    };

    private async Task<string> TitleAsync(string courseId)
    {
        await using var db = api.CreateDbContext();
        var id = Digibank.Api.GraphQL.Relay.GlobalId.DecodeFor("Course", courseId);
        return (await db.Courses.SingleAsync(c => c.Id == id)).Title;
    }
}
