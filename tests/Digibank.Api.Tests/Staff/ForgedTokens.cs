using System.Security.Claims;
using System.Text;
using Digibank.Api.Staff;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Digibank.Api.Tests.Staff;

/// <summary>Tokens as an attacker or a careless tool would make them: signed by hand, with any times, or not signed at all.</summary>
public static class ForgedTokens
{
    /// <summary>The key <see cref="DigibankApiFactory"/> gives the API, so these tokens carry a valid signature.</summary>
    public const string TestSigningKey = "digibank-tests-signing-key-of-at-least-32-bytes";

    public static string Coordinator(DateTime? expires, DateTime? issuedAt = null, string key = TestSigningKey, string audience = "digibank-api")
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var now = issuedAt ?? DigibankApiFactory.Now.UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "digibank-regio-poperinge",
            Audience = audience,
            Claims = new Dictionary<string, object>
            {
                [ClaimTypes.NameIdentifier] = "coordinator:mallory",
                [ClaimTypes.Name] = "Mallory",
                [ClaimTypes.Role] = nameof(StaffRole.Coordinator),
                [StaffUser.RegionClaim] = "1",
            },
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A token with <c>alg: none</c> and no signature.</summary>
    public static string Unsigned()
    {
        var payload = $$"""{"iss":"digibank-regio-poperinge","aud":"digibank-api","{{ClaimTypes.Role}}":"Coordinator","{{ClaimTypes.NameIdentifier}}":"coordinator:mallory","exp":{{DigibankApiFactory.Now.AddHours(1).ToUnixTimeSeconds()}}}""";
        return Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + Base64UrlEncoder.Encode(payload) + ".";
    }
}
