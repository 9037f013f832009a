using System.Net;
using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Limits;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Dashboard;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.GraphQL;

/// <summary>
/// Limits per client address. Each test starts its own API, so one test's requests never count against another's;
/// windows are an hour long, so a window never rolls over in the middle of a test.
/// </summary>
public sealed class RateLimitTests
{
    private const string SignUp = """
        mutation ($input: SignUpForCourseInput!) {
          signUpForCourse(input: $input) { signUp { status } errors { ... on Error { code } } }
        }
        """;

    [Fact]
    public async Task The_21st_anonymous_sign_up_in_a_window_gets_429_with_Retry_After_and_writes_nothing()
    {
        await using var api = new RateLimitedApi();
        var client = api.CreateGraphQLClient();
        var course = await TestCourses.AddAsync(api, capacity: 100);

        for (var i = 0; i < 20; i++)
        {
            var accepted = await client.PostAsync(SignUp, await InputAsync(api, course, i));
            Assert.Equal(HttpStatusCode.OK, accepted.Status);
            Assert.Empty(accepted.Data!["signUpForCourse"]!["errors"]!.AsArray());
        }

        var before = await CountSignUpsAsync(api);
        using var refused = await client.Http.PostAsync("/graphql", JsonContent(SignUp, await InputAsync(api, course, 20)));
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 3600);
        Assert.Equal("RATE_LIMITED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(body["data"]);
        Assert.Equal(before, await CountSignUpsAsync(api));
    }

    [Fact]
    public async Task Aliases_and_fragments_count_each_sign_up_and_an_oversized_document_is_refused_whole()
    {
        await using var api = new RateLimitedApi();
        var client = api.CreateGraphQLClient();
        var course = await TestCourses.AddAsync(api, capacity: 100);
        var town = await TestCourses.MunicipalityIdAsync(api);
        string Field(int i) => $"s{i}: signUpForCourse(input: {{ courseId: \"{course}\", firstName: \"Eve\", email: \"eve{i}@example.com\", municipalityId: \"{town}\", targetGroup: SENIORS, consent: true }}) {{ errors {{ __typename }} }} ";

        var hidden = await client.PostAsync("mutation { ...Many } fragment Many on Mutation { " + string.Concat(Enumerable.Range(0, 21).Select(Field)) + "}");

        Assert.Equal(HttpStatusCode.TooManyRequests, hidden.Status);
        Assert.Equal(["RATE_LIMITED"], hidden.ErrorCodes);
        Assert.Equal(0, await CountSignUpsAsync(api));
    }

    [Fact]
    public async Task The_same_sign_up_document_sent_again_and_again_is_counted_every_time()
    {
        await using var api = new RateLimitedApi(mutations: 4);
        var client = api.CreateGraphQLClient();
        var course = await TestCourses.AddAsync(api, capacity: 100);
        var signUp = $$"""mutation { signUpForCourse(input: { courseId: "{{course}}", firstName: "Eve", email: "eve@example.com", municipalityId: "{{await TestCourses.MunicipalityIdAsync(api)}}", targetGroup: SENIORS, consent: true }) { errors { __typename } } }""";

        // The document cache keeps it after the first run and its validation after the second; the allowance still counts each.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(signUp)).Status);
        }

        var before = await CountSignUpsAsync(api);
        var refused = await client.PostAsync(signUp);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(["RATE_LIMITED"], refused.ErrorCodes);
        Assert.Equal(before, await CountSignUpsAsync(api));
    }

    [Fact]
    public async Task Staff_and_queries_are_not_limited_by_the_sign_up_allowance()
    {
        await using var api = new RateLimitedApi(mutations: 1);
        var anonymous = api.CreateGraphQLClient();
        var staff = api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge");
        var course = await TestCourses.AddAsync(api, capacity: 100);
        await anonymous.PostAsync(SignUp, await InputAsync(api, course, 0));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.PostAsync(SignUp, await InputAsync(api, course, 1))).Status);
        for (var i = 2; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync(SignUp, await InputAsync(api, course, i))).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("{ courses(first: 1) { nodes { title } } }")).Status);
    }

    [Fact]
    public async Task With_the_request_limit_on_the_next_request_gets_429_and_staff_are_exempt()
    {
        await using var api = new RateLimitedApi(requests: 5);
        var anonymous = api.CreateGraphQLClient();
        var staff = api.CreateStaffClient(StaffRole.Coordinator);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("{ __typename }")).Status);
        }

        var refused = await anonymous.PostAsync("{ __typename }");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(["RATE_LIMITED"], refused.ErrorCodes);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync("{ __typename }")).Status);
    }

    [Fact]
    public async Task Over_a_WebSocket_a_sign_up_past_the_allowance_gets_an_error_with_the_code_and_the_socket_stays_open()
    {
        await using var api = new RateLimitedApi(mutations: 1);
        var course = await TestCourses.AddAsync(api, capacity: 100);
        await using var socket = await GraphQLWebSocketClient.ConnectAndInitAsync(api);

        await socket.SendAsync(new { id = "1", type = "subscribe", payload = new { query = SignUp, variables = await InputAsync(api, course, 0) } });
        var first = await socket.NextAsync("1");
        await socket.SendAsync(new { id = "2", type = "subscribe", payload = new { query = SignUp, variables = await InputAsync(api, course, 1) } });
        var refused = await socket.NextAsync("2", "error");

        Assert.Empty(first["payload"]!["data"]!["signUpForCourse"]!["errors"]!.AsArray());
        Assert.Equal("RATE_LIMITED", (string?)refused["payload"]![0]!["extensions"]!["code"]);
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string?)(await socket.ReceiveAsync())!["type"]);
    }

    [Fact]
    public async Task Turned_off_nothing_is_limited()
    {
        await using var api = new RateLimitedApi(mutations: 1, enabled: false);
        var client = api.CreateGraphQLClient();
        var course = await TestCourses.AddAsync(api, capacity: 100);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(SignUp, await InputAsync(api, course, i))).Status);
        }
    }

    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:ffff:1:2:3", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7", true)]
    [InlineData("192.0.2.7", "192.0.2.8", false)]
    public void An_IPv6_caller_counts_by_the_64_bit_prefix_it_can_choose_addresses_from(string one, string other, bool same) =>
        Assert.Equal(same, RateLimits.AddressOf(System.Net.IPAddress.Parse(one)) == RateLimits.AddressOf(System.Net.IPAddress.Parse(other)));

    private static async Task<object> InputAsync(DigibankApiFactory api, string course, int person) => new
    {
        input = new
        {
            courseId = course,
            firstName = "Resident",
            email = $"resident{person}@example.com",
            municipalityId = await TestCourses.MunicipalityIdAsync(api),
            targetGroup = "SENIORS",
            consent = true,
        },
    };

    private static StringContent JsonContent(string query, object variables) =>
        GraphQLTestClient.Json(System.Text.Json.JsonSerializer.Serialize(new { query, variables }));

    private static async Task<int> CountSignUpsAsync(DigibankApiFactory api)
    {
        await using var db = api.CreateDbContext();
        return await db.SignUps.CountAsync(s => s.Participant!.Email!.StartsWith("resident") || s.Participant.Email.StartsWith("eve"));
    }

    private sealed class RateLimitedApi(int mutations = 20, int? requests = null, bool enabled = true) : DigibankApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimiting:Enabled", enabled.ToString());
            builder.UseSetting("RateLimiting:AnonymousMutations:PermitLimit", mutations.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimiting:AnonymousMutations:Window", "01:00:00");
            builder.UseSetting("RateLimiting:Requests:Enabled", (requests is not null).ToString());
            builder.UseSetting("RateLimiting:Requests:PermitLimit", (requests ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimiting:Requests:Window", "01:00:00");
        }
    }
}
