using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Digibank.Api.Regions;
using Digibank.Api.Staff;

namespace Digibank.Api.Tests.Staff;

public sealed class StaffTokenTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public async Task A_token_that_does_not_validate_is_refused_with_401()
    {
        var client = api.CreateGraphQLClient();
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.e30.forged");

        var response = await client.PostAsync("{ municipalities { totalCount } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(["AUTH_INVALID_TOKEN"], response.ErrorCodes);
    }

    public static TheoryData<string, string> RefusedTokens => new()
    {
        { "expired an hour ago", ForgedTokens.Coordinator(Now.AddHours(-1), issuedAt: Now.AddHours(-9)) },
        { "without exp", ForgedTokens.Coordinator(expires: null) },
        { "valid for five years", ForgedTokens.Coordinator(Now.AddYears(5)) },
        { "issued for a day", ForgedTokens.Coordinator(Now.AddHours(20), issuedAt: Now.AddHours(-4)) },
        { "signed with alg none", ForgedTokens.Unsigned() },
    };

    private static DateTime Now => DigibankApiFactory.Now.UtcDateTime;

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_token_that_expired_never_expires_or_lives_too_long_is_refused(string kind, string token)
    {
        var client = api.CreateGraphQLClient();
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var response = await client.PostAsync("{ overdueLoans { totalCount } }");

        Assert.True(response.Status == HttpStatusCode.Unauthorized, kind);
        Assert.Equal(["AUTH_INVALID_TOKEN"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_token_for_a_working_day_is_accepted_and_one_made_by_hand_within_the_cap_too()
    {
        foreach (var token in new[] { api.Services.GetRequiredService<StaffTokens>().Mint("c", "Griet", StaffRole.Coordinator, Region.FirstRegionId, []), ForgedTokens.Coordinator(Now.AddHours(11), issuedAt: Now.AddHours(-1)) })
        {
            var client = api.CreateGraphQLClient();
            client.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);

            var response = await client.PostAsync("{ overdueLoans { totalCount } }");

            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Null(response.Errors);
        }
    }

    [Fact]
    public void No_token_is_minted_past_the_longest_lifetime()
    {
        var tokens = api.Services.GetRequiredService<StaffTokens>();

        Assert.Throws<ArgumentOutOfRangeException>(() => tokens.Mint("c", "Griet", StaffRole.Coordinator, Region.FirstRegionId, [], validFor: TimeSpan.FromHours(13)));
    }

    [Fact]
    public async Task Over_a_WebSocket_a_token_without_exp_closes_the_socket_with_4403()
    {
        await using var client = await Dashboard.GraphQLWebSocketClient.ConnectAsync(api);

        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + ForgedTokens.Coordinator(expires: null) } });

        Assert.Equal(4403, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task The_token_carries_role_and_help_points()
    {
        var tokens = api.Services.GetRequiredService<StaffTokens>();
        var token = tokens.Mint("staff:els", "Els", StaffRole.Staff, Region.FirstRegionId, [2, 5]);
        var principal = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler()
            .ValidateTokenAsync(token, tokens.ValidationParameters);

        var staff = StaffUser.From(new System.Security.Claims.ClaimsPrincipal(principal.ClaimsIdentity));

        Assert.NotNull(staff);
        Assert.Equal(StaffRole.Staff, staff.Role);
        Assert.Equal([2, 5], staff.HelpPointIds.Order());
        Assert.Equal(Region.FirstRegionId, staff.RegionId);
        Assert.True(staff.CanActFor(5, Region.FirstRegionId));
        Assert.False(staff.CanActFor(5, Region.FirstRegionId + 1));
        Assert.False(staff.CanActFor(3, Region.FirstRegionId));
        Assert.False(staff.CanActFor(null, Region.FirstRegionId));
    }
}
