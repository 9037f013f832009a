using Digibank.Api.Staff;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Tests.Staff;

namespace Digibank.Api.Tests.Regions;

/// <summary>
/// Every field, mutation and subscription of the running schema, called with a coordinator's and a staff member's token
/// of an invented second region (B) and the ids of the demo region's (A's) own rows: each is refused, or answers
/// without any of A's people, and none of A's rows changed. The list comes from the schema, so a field added later is
/// in it; only the public catalogue, which holds no one's data, answers as it answers anyone.
/// </summary>
public static class OtherRegionAccess
{
    /// <summary>What anyone may ask without a token (README: the catalogue): region B's staff get exactly what anyone gets.</summary>
    private static readonly HashSet<string> CatalogueQueries =
        ["node", "nodes", "courses", "topics", "helpPoints", "deviceAvailability", "partners", "municipalities", "helpFor", "regions", "region"];

    /// <summary>The dashboard's event streams, open to anyone, with a person's details for staff of that person's region only.</summary>
    private static readonly HashSet<string> PublicSubscriptions =
        ["dashboardEvents", "signUpChanged", "loanChanged", "helpRequestChanged", "courseAvailabilityChanged", "deviceAvailabilityChanged", "partnerSyncCompleted"];

    /// <summary>The deployment's shared vocabulary and partner-site documents: any region's coordinator adds to them, for all (README: Regions).</summary>
    private static readonly HashSet<string> SharedByEveryRegion = ["addTopicWords", "registerTrustedDocuments"];

    private static readonly DateTime Now = DigibankApiFactory.Now.UtcDateTime;

    public static async Task Nothing_of_region_A_reaches_region_B_and_nothing_of_it_changes(DigibankApiFactory api)
    {
        var ids = await FirstRegionRows.BuildAsync(api);
        var second = await SecondRegion.OfAsync(api);
        var schema = await SchemaOperations.ReadAsync(api.CreateGraphQLClient(),
            name => ids.TryGetValue(name, out var id) ? id : throw new InvalidOperationException($"The test has no id of region A to send as `{name}`: give it one in {nameof(FirstRegionRows)}."),
            name => SchemaOperations.Format(name switch
            {
                "from" => Now.AddDays(-30),
                "to" => Now,
                "startsAt" => Now.AddDays(2).Date.AddHours(10),
                "endsAt" => Now.AddDays(2).Date.AddHours(11),
                _ => Now.AddDays(1),
            }));
        var traces = await FirstRegionRows.PersonalTracesAsync(api);
        var anonymous = api.CreateGraphQLClient();
        var before = await PersonalSnapshot.TakeAsync(api);
        var leaks = new List<string>();

        // The probe can see a leak: A's own coordinator gets A's people from the same calls.
        var seenByA = await ReadAllAsync(api.CreateStaffClient(StaffRole.Coordinator), schema.WithoutOptionalIds());
        Assert.Contains(traces, trace => seenByA.Contains(trace, StringComparison.Ordinal));

        foreach (var (who, client) in new[] { ("B's coordinator", second.Coordinator()), ("B's staff", second.Staff()) })
        {
            foreach (var operations in new[] { schema, schema.WithoutOptionalIds() })
            {
                foreach (var field in operations.Queries)
                {
                    var query = operations.Query(field);
                    var response = await client.PostAsync(query);
                    leaks.AddRange(CatalogueQueries.Contains(field)
                        ? Differs($"{who}: {field}", await anonymous.PostAsync(query), response)
                        : Leaks($"{who}: {field}", response, response.Data?[field] is not null, traces));
                }
            }

            foreach (var field in schema.Mutations)
            {
                var response = await client.PostAsync(schema.Mutation(field));
                leaks.AddRange(SharedByEveryRegion.Contains(field)
                    ? Leaks($"{who}: {field}", response, answered: true, traces)
                    : NotRefused($"{who}: {field}", field, response));
            }
        }

        var after = await PersonalSnapshot.TakeAsync(api);
        // Last, as it signs one more person up in A on purpose: the event B's dashboards must show without them.
        leaks.AddRange(await SubscriptionLeaksAsync(api, second, schema, traces));
        Assert.True(leaks.Count == 0, "Region B reached region A's people:\n" + string.Join("\n", leaks));
        Assert.Equal(before, after);
        Assert.Superset(new HashSet<string> { "overdueLoans", "helpRequests", "callList", "failedMessages", "courseSignUps" }, schema.Queries.ToHashSet());
    }

    /// <summary>Over WebSockets: B's staff get no staff subscription of A, and A's events without A's person.</summary>
    private static async Task<List<string>> SubscriptionLeaksAsync(DigibankApiFactory api, SecondRegion second, SchemaOperations schema, HashSet<string> traces)
    {
        var leaks = new List<string>();
        await using var coordinator = await GraphQLWebSocketClient.ConnectAndInitAsync(api, second.CoordinatorToken());
        await using var staff = await GraphQLWebSocketClient.ConnectAndInitAsync(api, second.StaffToken());
        await using var anyone = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        foreach (var (who, socket) in new[] { ("B's coordinator", coordinator), ("B's staff", staff) })
        {
            foreach (var field in schema.Subscriptions.Where(field => !PublicSubscriptions.Contains(field)))
            {
                await socket.SendAsync(new { id = field, type = "subscribe", payload = new { query = schema.Subscription(field) } });
                var answer = await socket.NextAsync(field, "error");
                var codes = answer["payload"]!.AsArray().Select(error => (string?)error!["extensions"]?["code"]).ToList();
                if (codes is not [StaffAccess.NotAuthorized])
                {
                    leaks.Add($"{who}: {field}: {answer.ToJsonString()}");
                }
            }

            await socket.SubscribeAsync("events", AllEvents(schema));
        }

        // A's sign-up, then B's: a token of B follows B's region, so the first event its sockets get must be B's, never A's.
        await anyone.SubscribeAsync("events", AllEvents(schema));
        await FirstRegionRows.SignUpAtTheCounterAsync(api, await Courses.TestCourses.AddAsync(api, capacity: 5, helpPoint: FirstRegionRows.Library), "Oktaaf");
        var seenByAnyone = (await anyone.NextAsync("events"))["payload"]!.ToJsonString();
        await second.SignUpAsync("Irma");
        foreach (var (who, socket) in new[] { ("B's coordinator", coordinator), ("B's staff", staff) })
        {
            var seen = (await socket.NextAsync("events"))["payload"]!.ToJsonString();
            if (seen == seenByAnyone || !seen.Contains(second.CourseId, StringComparison.Ordinal)
                || seen.Contains("Oktaaf", StringComparison.Ordinal) || traces.Any(trace => seen.Contains(trace, StringComparison.Ordinal)))
            {
                leaks.Add($"{who}: dashboardEvents: {seen}\n  where A's event was {seenByAnyone}");
            }
        }

        return leaks;
    }

    /// <summary>Every dashboard event the caller may follow, all its fields: without the help point and town the schema's ids would name.</summary>
    private static string AllEvents(SchemaOperations schema) =>
        System.Text.RegularExpressions.Regex.Replace(schema.Subscription("dashboardEvents"), @"^subscription \{ dashboardEvents\([^)]*\)", "subscription { dashboardEvents");

    private static async Task<string> ReadAllAsync(GraphQLTestClient client, SchemaOperations operations)
    {
        var all = new System.Text.StringBuilder();
        foreach (var field in operations.Queries.Where(field => !CatalogueQueries.Contains(field)))
        {
            all.AppendLine((await client.PostAsync(operations.Query(field))).Body?.ToJsonString());
        }

        return all.ToString();
    }

    /// <summary>
    /// A staff field: refused with <c>AUTH_NOT_AUTHORIZED</c>, or answered without a trace of A's people. On PostgreSQL the
    /// row-level policy hides A's row from B before the field's own check sees it: <c>NOT_FOUND</c> is that refusal.
    /// </summary>
    private static IEnumerable<string> Leaks(string what, GraphQLResponse response, bool answered, HashSet<string> traces)
    {
        var codes = response.ErrorCodes.ToList();
        var body = response.Body?.ToJsonString() ?? string.Empty;
        if (codes.Any(code => code is not (StaffAccess.NotAuthorized or "NOT_FOUND")) || (!answered && codes.Count == 0))
        {
            yield return $"{what}: neither refused nor answered: {body}";
        }

        if (traces.FirstOrDefault(trace => body.Contains(trace, StringComparison.Ordinal)) is { } trace)
        {
            yield return $"{what}: shows '{trace}' of region A: {body}";
        }
    }

    /// <summary>
    /// A mutation of another region's row: NOT_ALLOWED in its payload (or refused outright), and no result. On PostgreSQL
    /// the row-level policy hides the row from B before the service's own check: NOT_FOUND is that refusal.
    /// </summary>
    private static IEnumerable<string> NotRefused(string what, string field, GraphQLResponse response)
    {
        var payload = response.Data?[field]?.AsObject();
        var codes = payload?["errors"]?.AsArray().Select(error => (string?)error![$"{error["__typename"]}_code"]).ToList() ?? [];
        var result = payload?.Where(entry => entry.Key is not ("__typename" or "errors") && entry.Value is not null).Select(entry => entry.Key).ToList() ?? [];
        var refusedOutright = payload is null && response.ErrorCodes.Any() && response.ErrorCodes.All(code => code == StaffAccess.NotAuthorized);
        return refusedOutright || (codes is ["NOT_ALLOWED"] or ["NOT_FOUND"] && result.Count == 0 && response.Errors is null)
            ? []
            : [$"{what}: {response.Body?.ToJsonString()}"];
    }

    /// <summary>The catalogue as B's staff see it must be the catalogue as anyone sees it.</summary>
    private static IEnumerable<string> Differs(string what, GraphQLResponse anonymous, GraphQLResponse response)
    {
        if (anonymous.Data?.ToJsonString() != response.Data?.ToJsonString() || Paths(anonymous) != Paths(response))
        {
            yield return $"{what}: {response.Body?.ToJsonString()}\n  where anyone gets {anonymous.Body?.ToJsonString()}";
        }

        static string Paths(GraphQLResponse response) => string.Join(' ', (response.Errors ?? []).Select(error => error!["path"]?.ToJsonString()).Order());
    }
}
