using Microsoft.Extensions.DependencyInjection;
using System.Net;
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

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var tokens = api.Services.GetRequiredService<StaffTokens>();
        var expired = tokens.Mint("staff:old", "Old", StaffRole.Staff, [1], validFor: TimeSpan.FromHours(-1));
        var client = api.CreateGraphQLClient();
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", expired);

        var response = await client.PostAsync("{ municipalities { totalCount } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task The_token_carries_role_and_help_points()
    {
        var tokens = api.Services.GetRequiredService<StaffTokens>();
        var token = tokens.Mint("staff:els", "Els", StaffRole.Staff, [2, 5]);
        var principal = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler()
            .ValidateTokenAsync(token, tokens.ValidationParameters);

        var staff = StaffUser.From(new System.Security.Claims.ClaimsPrincipal(principal.ClaimsIdentity));

        Assert.NotNull(staff);
        Assert.Equal(StaffRole.Staff, staff.Role);
        Assert.Equal([2, 5], staff.HelpPointIds.Order());
        Assert.True(staff.CanActFor(5));
        Assert.False(staff.CanActFor(3));
        Assert.False(staff.CanActFor(null));
    }
}
