using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Tests.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Digibank.Api.Tests.GraphQL;

/// <summary>
/// Requests an attacker, a careless client or a broken proxy would send. Each must get a client error
/// with a code, never a 5xx, never a failure logged with a stack trace, and the server must go on answering.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Api api) : IClassFixture<HostileInputTests.Api>
{
    public static TheoryData<string> Cases => new(HostileRequests.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_refused_with_a_code_and_the_server_goes_on(string name)
    {
        using var http = api.CreateClient();
        api.Failures.Clear();

        using var response = await http.SendAsync(HostileRequests.All[name]());
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{name}: {(int)response.StatusCode} {text}");
        var body = JsonNode.Parse(text);
        var codes = CodesIn(body);
        Assert.True(codes.Count > 0, $"{name}: no error code in {text}");
        Assert.All(codes, code => Assert.False(string.IsNullOrEmpty(code), $"{name}: an error without a code in {text}"));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.True(api.Failures.IsEmpty, $"{name}: logged as a server failure: {string.Join("\n", api.Failures)}");

        using var alive = await http.PostAsync("/graphql", GraphQLTestClient.Json("""{"query":"{ __typename }"}"""));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public void There_are_at_least_sixty_hostile_requests() => Assert.True(HostileRequests.All.Count >= 60, $"{HostileRequests.All.Count} cases");

    /// <summary>The codes of top-level errors, or else of the typed errors in mutation payloads.</summary>
    private static List<string?> CodesIn(JsonNode? body)
    {
        if (body?["errors"] is JsonArray errors && errors.Count > 0)
        {
            return errors.Select(error => (string?)error?["extensions"]?["code"]).ToList();
        }

        return body?["data"] is JsonObject data
            ? data.Select(field => field.Value?["errors"]).OfType<JsonArray>().SelectMany(list => list).Select(error => (string?)error?["code"]).ToList()
            : [];
    }

    public sealed class Api : DigibankApiFactory
    {
        private readonly LogCollector _errors = new(LogLevel.Error);

        public ConcurrentQueue<string> Failures => _errors.Lines;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(_errors));
        }
    }

    private sealed class HostileRequests
    {
        public static readonly IReadOnlyDictionary<string, Func<HttpRequestMessage>> All = new HostileRequests().Build();

        private readonly Dictionary<string, Func<HttpRequestMessage>> _cases = [];

        private Dictionary<string, Func<HttpRequestMessage>> Build()
        {
            DepthAndWidth();
            NamesAndStaffDataAnonymously();
            LiteralsAndVariablesOfTheWrongKind();
            BodiesAndTransport();
            IdsAndCursors();
            ForgedStaleAndMalformedTokens();
            return _cases;
        }

        /// <summary>Depth and width.</summary>
        private void DepthAndWidth()
        {
            Post("fields nested 16 deep", "{ courses { nodes { partner { courses { nodes { partner { courses { nodes { partner { courses { nodes { partner { courses { nodes { partner { name } } } } } } } } } } } } } } } }");
            Post("2,000 nested selections", "{ courses { nodes " + string.Concat(Enumerable.Repeat("{ title ", 2000)) + new string('}', 2000) + " } }");
            Post("5,000 opening braces", new string('{', 5000) + new string('}', 5000));
            Post("list literal nested 200 deep", "{ nodes(ids: " + new string('[', 200) + "\"x\"" + new string(']', 200) + ") { id } }");
            Post("filter literal nested 12 deep", "{ courses(where: " + string.Concat(Enumerable.Repeat("{ and: [", 12)) + "{ title: { contains: \"x\" } }" + string.Concat(Enumerable.Repeat("] }", 12)) + ") { totalCount } }");
            Post("filter variable nested 12 deep", "query ($w: CourseFilterInput) { courses(where: $w) { totalCount } }", new { w = NestedAnd(12) });
            Post("or filter with 1,200 entries", "query ($w: CourseFilterInput) { courses(where: $w) { totalCount } }",
                new { w = new { or = Enumerable.Range(0, 1200).Select(i => new { title = new { contains = $"x{i}" } }).ToArray() } });
            Post("in list with 1,001 values", "query ($w: CourseFilterInput) { courses(where: $w) { totalCount } }",
                new { w = new { status = new { @in = Enumerable.Repeat("SCHEDULED", 1001).ToArray() } } });
            Post("filter variable inside a literal, nested 12 deep", "query ($w: CourseFilterInput) { courses(where: { and: [$w] }) { totalCount } }", new { w = NestedAnd(11) });
            Post("or list variable with 1,200 entries", "query ($any: [CourseFilterInput!]) { courses(where: { or: $any }) { totalCount } }",
                new { any = Enumerable.Range(0, 1200).Select(i => new { title = new { contains = $"x{i}" } }).ToArray() });
            Post("in list variable with 1,001 values", "query ($statuses: [CourseStatus!]) { courses(where: { status: { in: $statuses } }) { totalCount } }",
                new { statuses = Enumerable.Repeat("SCHEDULED", 1001).ToArray() });
            Post("nin list variable with 1,001 ids", "query ($ids: [ID]) { courses(where: { partner: { id: { nin: $ids } } }) { totalCount } }",
                new { ids = Enumerable.Repeat(GlobalId.Encode("Partner", 1), 1001).ToArray() });
            Post("1,000 aliased totalCounts", "{ " + string.Concat(Enumerable.Range(0, 1000).Select(i => $"c{i}: courses(first: 0) {{ totalCount }} ")) + "}");
            Post("150 aliased pages", "{ " + string.Concat(Enumerable.Range(0, 150).Select(i => $"c{i}: courses(first: 1) {{ nodes {{ title }} }} ")) + "}");
            Post("30 aliased pages of 100 with lists", "{ " + string.Concat(Enumerable.Range(0, 30).Select(i => $"c{i}: courses(first: 100) {{ nodes {{ title sessions {{ startsAt }} topics {{ name }} }} }} ")) + "}");
            Post("10,000 aliased __typename", "{ " + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"a{i}: __typename ")) + "}");
            Post("fragment defined twice", "{ ...F } fragment F on Query { __typename } fragment F on Query { __typename }");
            Post("fragment never used", "{ __typename } fragment F on Query { __typename }");
            Post("fragment cycle", "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }");
            Post("fragment on a type that does not exist", "{ ...F } fragment F on Spaceship { id }");
            Post("directive repeated 500 times", "{ __typename " + string.Concat(Enumerable.Repeat("@skip(if: false) ", 500)) + "}");
            Post("unknown directive", "{ __typename @explode }");
            Post("introspection nested beyond the depth limit", "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } } }");
        }

        /// <summary>Names that would carry someone's words into a Digibank message, and staff data asked for anonymously.</summary>
        private void NamesAndStaffDataAnonymously()
        {
            const string SignUp = "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }";
            foreach (var (label, firstName) in new[]
            {
                ("a payment request", "Jan. Betaal €5 op evil.example/pay"),
                ("template placeholders", "{CourseTitle} {CancelLink}"),
                ("a line --- and a link", "Jan\n---\nKlik hier: http://evil.example"),
                ("a direction override", "Jan\u202Eexe.gnp"),
                ("a web address", "evil.example"),
                ("an e-mail address", "jan@evil.example"),
            })
            {
                Post($"sign-up with {label} as first name", SignUp, new
                {
                    input = new { courseId = GlobalId.Encode("Course", 1), firstName, email = "jan@example.com", municipalityId = GlobalId.Encode("Municipality", 1), targetGroup = "SENIORS", consent = true },
                });
            }

            Post("the coordinator's call list, anonymously", "{ callList { id script } }");
            Post("set-aside events, anonymously", "{ setAsideEvents { id lastError } }");
            Post("a retry of a set-aside event, anonymously", "mutation { retrySetAsideEvent(input: { setAsideEventId: \"U2V0QXNpZGVFdmVudDox\" }) { errors { ... on Error { code } } } }");
        }

        /// <summary>Literals and variables of the wrong kind.</summary>
        private void LiteralsAndVariablesOfTheWrongKind()
        {
            Post("string over 64 KB", "{ courses(where: { title: { contains: \"" + new string('a', 70 * 1024) + "\" } }) { totalCount } }");
            Post("integer beyond 32 bits", "{ courses(first: 99999999999999999999) { totalCount } }");
            Post("float for an Int", "{ courses(first: 1.5) { totalCount } }");
            Post("string for an Int", "{ courses(first: \"ten\") { totalCount } }");
            Post("negative page size", "{ courses(first: -1) { totalCount } }");
            Post("page size over 100", "{ courses(first: 101) { nodes { title } } }");
            Post("first and last together", "{ courses(first: 2, last: 2) { nodes { title } } }");
            Post("enum value that does not exist", "{ deviceAvailability(kind: SPACESHIP) { available } }");
            Post("unknown filter field", "{ courses(where: { participantEmail: { eq: \"a@b.c\" } }) { totalCount } }");
            Post("unknown sort field", "{ courses(order: [{ participantName: ASC }]) { totalCount } }");
            Post("unknown field", "{ courses { nodes { participants { email } } } }");
            Post("variable of the wrong type", "query ($first: Int) { courses(first: $first) { totalCount } }", new { first = "ten" });
            Post("required variable missing", "query ($first: Int!) { courses(first: $first) { totalCount } }");
            Post("variable used but not declared", "{ courses(first: $first) { totalCount } }");
            Post("variable declared but not used", "query ($first: Int) { courses { totalCount } }", new { first = 1 });
            Body("variables nested 100 deep", "{\"query\":\"query ($w: CourseFilterInput) { courses(where: $w) { totalCount } }\",\"variables\":{\"w\":"
                + string.Concat(Enumerable.Repeat("{\"and\":", 100)) + "1" + new string('}', 100) + "}}");
            Body("variables as an array", """{"query":"{ __typename }","variables":[1,2,3]}""");
            Body("variables as a string", """{"query":"{ __typename }","variables":"abc"}""");
            Post("@include with a string", "{ __typename @include(if: \"yes\") }");
            Post("operation name not in the document", "query A { __typename }", operationName: "B");
            Post("two anonymous operations", "{ __typename } { __typename }");
            Post("two operations without a name to choose", "query A { __typename } query B { __typename }");
            Post("a subscription over HTTP", "subscription { dashboardEvents { kind } }");
        }

        /// <summary>Bodies and transport.</summary>
        private void BodiesAndTransport()
        {
            Body("empty query", """{"query":""}""");
            Body("query null", """{"query":null}""");
            Body("query a number", """{"query":123}""");
            Body("batched array of requests", """[{"query":"{ __typename }"},{"query":"{ __typename }"}]""");
            Body("empty array", "[]");
            Body("not JSON at all", "hello");
            Body("truncated JSON", """{"query":"{ __typ""");
            Bytes("invalid UTF-8 in the body", [.. "{\"query\":\"{ __typename "u8, 0xC3, 0x28, .. " }\"}"u8]);
            Bytes("invalid UTF-8 in a string literal", [.. "{\"query\":\"{ courses(where: { title: { contains: \\\""u8, 0xFF, 0xFE, .. "\\\" } }) { totalCount } }\"}"u8]);
            Body("form-encoded body", "query=%7B__typename%7D", "application/x-www-form-urlencoded");
            Body("text/plain body", """{"query":"{ __typename }"}""", "text/plain");
            _cases["UTF-16 charset"] = () => new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.Unicode, "application/json") };
            _cases["Accept only image/png"] = () =>
            {
                var request = Raw("""{"query":"{ __typename }"}""");
                request.Headers.Accept.ParseAdd("image/png");
                return request;
            };
            Get("mutation over GET", "query=" + Uri.EscapeDataString("mutation { cancelSignUp(input: { signUpId: \"x\" }) { errors { __typename } } }"));
            Get("GET with variables that are not JSON", "query=" + Uri.EscapeDataString("{ __typename }") + "&variables=%7Bnope");
            Get("GET without a query", "operationName=A");
            _cases["PUT"] = () => new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = GraphQLTestClient.Json("""{"query":"{ __typename }"}""") };
        }

        /// <summary>Ids and cursors.</summary>
        private void IdsAndCursors()
        {
            Post("node id that is not base64", "{ node(id: \"%%%not-an-id%%%\") { id } }");
            Post("node id with a non-numeric key", "query ($id: ID!) { node(id: $id) { id } }", new { id = Convert.ToBase64String(Encoding.UTF8.GetBytes("Course:abc")) });
            Post("node id with a key beyond 32 bits", "query ($id: ID!) { node(id: $id) { id } }", new { id = Convert.ToBase64String(Encoding.UTF8.GetBytes("Course:99999999999999")) });
            Post("101 ids in nodes", "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = Enumerable.Range(1, 101).Select(i => GlobalId.Encode("Course", i)).ToArray() });
            Post("cursor that is not base64", "{ courses(after: \"!!!!\") { nodes { title } } }");
            Post("cursor at the largest integer", "{ courses(after: \"MjE0NzQ4MzY0Nw\") { pageInfo { hasNextPage endCursor } nodes { title } } }");
            Post("negative cursor", "{ courses(after: \"LTU\") { nodes { title } } }");
            Post("cursor of 1,000 characters", "{ courses(before: \"" + new string('A', 1000) + "\", last: 5) { nodes { title } } }");
            Post("sign-up for an id of the wrong type", "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }",
                new { input = new { courseId = GlobalId.Encode("Municipality", 1), firstName = "Eve", email = "eve@example.com", municipalityId = GlobalId.Encode("Municipality", 1), targetGroup = "SENIORS", consent = true } });
            Post("sign-up with a first name of 10,000 characters", "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }",
                new { input = new { courseId = GlobalId.Encode("Course", 1), firstName = new string('E', 10_000), email = "eve@example.com", municipalityId = GlobalId.Encode("Municipality", 1), targetGroup = "SENIORS", consent = true } });
            Post("staff mutation without a token", "mutation { markDeviceWiped(input: { deviceId: \"x\" }) { errors { __typename } } }");
        }

        /// <summary>Forged, stale and malformed tokens.</summary>
        private void ForgedStaleAndMalformedTokens()
        {
            var now = DigibankApiFactory.Now.UtcDateTime;
            WithToken("token with alg none", "Bearer " + ForgedTokens.Unsigned());
            WithToken("token signed with another key", "Bearer " + ForgedTokens.Coordinator(now.AddHours(1), key: new string('k', 48)));
            WithToken("token without exp", "Bearer " + ForgedTokens.Coordinator(expires: null));
            WithToken("token expired", "Bearer " + ForgedTokens.Coordinator(now.AddHours(-2), issuedAt: now.AddHours(-14)));
            WithToken("token valid for ten years", "Bearer " + ForgedTokens.Coordinator(now.AddYears(10)));
            WithToken("token for another audience", "Bearer " + ForgedTokens.Coordinator(now.AddHours(1), audience: "someone-else"));
            WithToken("garbage bearer token", "Bearer a.b.c");
            WithToken("empty bearer token", "Bearer ");
            WithToken("basic authentication", "Basic " + Convert.ToBase64String("admin:admin"u8.ToArray()));
        }

        private void Post(string name, string query, object? variables = null, string? operationName = null) =>
            _cases[name] = () => Raw(JsonSerializer.Serialize(new { query, variables, operationName }));

        private void Body(string name, string body, string contentType = "application/json") =>
            _cases[name] = () => Raw(body, contentType);

        private void Bytes(string name, byte[] body) =>
            _cases[name] = () => new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } };

        private void Get(string name, string queryString) => _cases[name] = () => new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);

        private void WithToken(string name, string authorization) => _cases[name] = () =>
        {
            var request = Raw("""{"query":"{ overdueLoans { totalCount } }"}""");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return request;
        };

        private static HttpRequestMessage Raw(string body, string contentType = "application/json") =>
            new(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } } };

        private static object NestedAnd(int depth) =>
            depth == 0 ? new { title = new { contains = "x" } } : new { and = new[] { NestedAnd(depth - 1) } };
    }
}
