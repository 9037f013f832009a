using System.Net;
using System.Net.Http.Headers;
using Digibank.Api.Accounts;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Balie;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Tests.GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Accounts;

/// <summary>
/// A colleague whose account is stopped, or whose access changes, loses it at once: their open WebSocket is closed with
/// 4403 and their next request refused, over real sockets. A script's token, minted on the command line, is no account's.
/// </summary>
public sealed class StaffAccessEndsTests(LoopbackApiFactory api) : IClassFixture<LoopbackApiFactory>
{
    private const int Forbidden = 4403;
    private const string Loans = "{ overdueLoans { totalCount } }";

    [Fact]
    public async Task A_deactivated_persons_open_WebSocket_is_closed_and_their_next_request_refused_at_once()
    {
        var coordinator = await CounterAccounts.CreateAsync(api.Services, StaffRole.Coordinator);
        var colleague = await CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [1]);
        var colleagueToken = await AccountTokens.IssueAsync(api.Services, colleague);
        var scriptToken = api.Services.GetRequiredService<StaffTokens>().Mint("script:report", "Rapport", StaffRole.Coordinator, Region.FirstRegionId, []);
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(api.GraphQLWebSocketAddress);
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {colleagueToken}" } });
        Assert.Equal("connection_ack", (string?)(await socket.ReceiveAsync())!["type"]);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(colleagueToken, Loans)).Status);

        var stopped = await PostAsync(await AccountTokens.IssueAsync(api.Services, coordinator),
            "mutation($id: ID!) { deactivateStaff(input: { staffAccountId: $id }) { staffAccount { deactivatedAt } errors { ... on Error { code } } } }",
            new { id = GlobalId.Encode(StaffAccountType.TypeName, colleague.Id) });

        Assert.True(stopped.Data?["deactivateStaff"]?["staffAccount"]?["deactivatedAt"] is not null, stopped.Pretty);
        Assert.Equal(Forbidden, await socket.ClosedWithAsync());
        var next = await PostAsync(colleagueToken, Loans);
        Assert.Equal((HttpStatusCode.Unauthorized, "AUTH_INVALID_TOKEN"), (next.Status, next.ErrorCodes.Single()));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(scriptToken, Loans)).Status);
    }

    [Fact]
    public async Task A_change_of_role_ends_the_old_token_and_a_new_one_carries_the_new_role()
    {
        var coordinator = await CounterAccounts.CreateAsync(api.Services, StaffRole.Coordinator);
        var colleague = await CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [1]);
        var before = await AccountTokens.IssueAsync(api.Services, colleague);
        Assert.Equal("AUTH_NOT_AUTHORIZED", (await PostAsync(before, "{ staffAccounts { name } }")).ErrorCodes.Single());

        var changed = await PostAsync(await AccountTokens.IssueAsync(api.Services, coordinator),
            "mutation($id: ID!) { changeStaffAccess(input: { staffAccountId: $id, role: COORDINATOR }) { staffAccount { role } errors { ... on Error { code } } } }",
            new { id = GlobalId.Encode(StaffAccountType.TypeName, colleague.Id) });

        Assert.Equal("COORDINATOR", (string?)changed.Data?["changeStaffAccess"]?["staffAccount"]?["role"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(before, Loans)).Status);
        var after = await PostAsync(await AccountTokens.IssueAsync(api.Services, colleague), "{ staffAccounts { name } }");
        Assert.Contains(after.Data!["staffAccounts"]!.AsArray(), account => (string?)account!["name"] == colleague.Name);
    }

    [Fact]
    public async Task Only_a_coordinator_invites_only_into_their_own_region_and_an_address_has_one_account()
    {
        var coordinator = await AccountTokens.IssueAsync(api.Services, await CounterAccounts.CreateAsync(api.Services, StaffRole.Coordinator));
        var staff = await AccountTokens.IssueAsync(api.Services, await CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [1]));
        const string Invite = "mutation($email: String!, $points: [ID!]) { inviteStaff(input: { email: $email, name: \"Jonas\", role: STAFF, helpPointIds: $points }) { invitationSent staffAccount { email } errors { ... on Error { code } } } }";
        var email = $"jonas.{Guid.NewGuid():N}@digibank.test";
        var points = new[] { GlobalId.Encode("HelpPoint", 1) };

        var byStaff = await PostAsync(staff, Invite, new { email, points });
        var elsewhere = await PostAsync(coordinator, Invite, new { email, points = new[] { GlobalId.Encode("HelpPoint", 999_999) } });
        var invited = await PostAsync(coordinator, Invite, new { email, points });
        var again = await PostAsync(coordinator, Invite, new { email = email.ToUpperInvariant(), points });

        Assert.Equal("NOT_ALLOWED", Code(byStaff));
        Assert.Equal("NOT_FOUND", Code(elsewhere));
        Assert.Equal((true, email), ((bool?)invited.Data!["inviteStaff"]!["invitationSent"], (string?)invited.Data["inviteStaff"]!["staffAccount"]?["email"]));
        Assert.Equal("ACCOUNT_EXISTS", Code(again));
    }

    private static string? Code(GraphQLResponse response) => (string?)response.Data?["inviteStaff"]?["errors"]?[0]?["code"];

    private async Task<GraphQLResponse> PostAsync(string token, string query, object? variables = null)
    {
        var client = api.CreateLoopbackGraphQLClient();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsync(query, variables);
    }
}
