using System.Text.Encodings.Web;
using Digibank.Api.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Staff;

/// <summary>Signs an HTTP request in by <see cref="StaffTokens.SignInAsync"/>, the rule a WebSocket's connection follows too.</summary>
public sealed class StaffTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StaffTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = BearerTokens.Scheme;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var signIn = await tokens.SignInAsync(Request.Headers.Authorization);
        return signIn.User is { } user ? AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName))
            : signIn.IsRefused ? AuthenticateResult.Fail("The bearer token is not valid or has expired.")
            : AuthenticateResult.NoResult();
    }
}
