using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Digibank.Api.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Digibank.Api.Staff;

/// <summary>Signs and describes staff bearer tokens (JWT, HS256).</summary>
public sealed class StaffTokens(SymmetricSecurityKey key, StaffTokenOptions options, TimeProvider clock, IAccountSessions? accounts = null)
{
    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = key,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(1),
        // Lifetimes follow the application's clock, the one that also stamped the token; the skew allows for another
        // instance's clock at the start of a token's life, never past its end.
        LifetimeValidator = (notBefore, expires, token, parameters) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var issuedAt = (token as JsonWebToken)?.IssuedAt is { } stamped && stamped != DateTime.MinValue ? stamped : notBefore;
            return expires is { } expiry
                && (notBefore is null || notBefore <= now + parameters.ClockSkew)
                && !HasExpired(expiry)
                && expiry - now <= options.MaxTokenLifetime + parameters.ClockSkew
                && (issuedAt is null || expiry - issuedAt <= options.MaxTokenLifetime + parameters.ClockSkew);
        },
        NameClaimType = ClaimTypes.Name,
        RoleClaimType = ClaimTypes.Role,
    };

    /// <summary>
    /// Who an <c>Authorization</c> value signs in: the one rule for a staff token, over HTTP and on a WebSocket alike. Without
    /// a credential nobody; otherwise it must be a bearer token (<see cref="BearerTokens"/>) signed with this key, for this
    /// API, with an <c>exp</c> within the longest lifetime that has not come yet, and, made for a staff account, that
    /// account still active with the access it had then (<see cref="IAccountSessions"/>), or it is refused.
    /// </summary>
    public async Task<StaffSignIn> SignInAsync(string? authorization)
    {
        if (authorization is null)
        {
            return StaffSignIn.Nobody;
        }

        if (BearerTokens.From(authorization) is not { Length: > 0 } token)
        {
            return StaffSignIn.Refused;
        }

        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(token, ValidationParameters);
        // A signed token that says nothing usable (no role, or no region for one region's work) is refused, not taken for nobody.
        return validated.IsValid && new ClaimsPrincipal(validated.ClaimsIdentity) is var principal && StaffUser.From(principal) is not null
            && await SpeaksForItsAccountAsync(principal)
            ? new StaffSignIn(principal, validated.SecurityToken.ValidTo, IsRefused: false)
            : StaffSignIn.Refused;
    }

    private async Task<bool> SpeaksForItsAccountAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirst(StaffUser.AccountClaim)?.Value is not { } account)
        {
            return true;
        }

        return accounts is not null
            && int.TryParse(account, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId)
            && principal.FindFirst(StaffUser.StampClaim)?.Value is { Length: > 0 } stamp
            && await accounts.IsCurrentAsync(accountId, stamp, CancellationToken.None);
    }

    /// <summary>A staff token stops working at its <c>exp</c>, by the application's clock, without grace.</summary>
    public bool HasExpired(DateTime expiresUtc) => clock.GetUtcNow().UtcDateTime >= expiresUtc;

    /// <param name="subject">Who the token is for, stable across tokens (<c>coordinator:Griet</c>).</param>
    /// <param name="name">The name shown in what the person does.</param>
    /// <param name="role">What the person may do.</param>
    /// <param name="regionId">The region the person works for; null exactly for the admin, who works for none.</param>
    /// <param name="helpPointIds">The help points a staff member works at (of <paramref name="regionId"/>).</param>
    /// <param name="digibuddyId">The digibuddy the token is for, for a digibuddy.</param>
    /// <param name="validFor">How long the token works, at most <see cref="StaffTokenOptions.MaxTokenLifetime"/>.</param>
    /// <param name="account">The staff account the token speaks for and a hash of its security stamp; none for a script's token.</param>
    public string Mint(
        string subject, string name, StaffRole role, int? regionId, IEnumerable<int> helpPointIds, int? digibuddyId = null, TimeSpan? validFor = null,
        (int Id, string StampHash)? account = null)
    {
        if ((regionId is null) != (role == StaffRole.Admin))
        {
            throw new ArgumentException("Every token but the admin's names the one region its holder works for.", nameof(regionId));
        }

        var lifetime = validFor ?? options.MaxTokenLifetime;
        if (lifetime <= TimeSpan.Zero || lifetime > options.MaxTokenLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(validFor), $"A staff token lives at most {options.MaxTokenLifetime} (Auth:MaxTokenLifetime).");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [ClaimTypes.NameIdentifier] = subject,
            [ClaimTypes.Name] = name,
            [ClaimTypes.Role] = role.ToString(),
            [StaffUser.HelpPointClaim] = helpPointIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToArray(),
        };
        if (regionId is { } region)
        {
            claims[StaffUser.RegionClaim] = region.ToString(CultureInfo.InvariantCulture);
        }

        if (digibuddyId is { } buddy)
        {
            claims[StaffUser.DigibuddyClaim] = buddy.ToString(CultureInfo.InvariantCulture);
        }

        if (account is var (accountId, stampHash))
        {
            claims[StaffUser.AccountClaim] = accountId.ToString(CultureInfo.InvariantCulture);
            claims[StaffUser.StampClaim] = stampHash;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A key for another purpose (signing residents' links), derived from this one so there is one secret to keep.</summary>
    public byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Key, 32, info: System.Text.Encoding.UTF8.GetBytes(purpose));

    /// <summary>The configured key, or else one kept beside the database so the server and the mint command agree.</summary>
    public static SymmetricSecurityKey LoadKey(StaffTokenOptions options, string dataFolder)
    {
        if (options.SigningKey is { Length: > 0 } configured)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(configured);
            return bytes.Length >= 32
                ? new SymmetricSecurityKey(bytes)
                : throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes long.");
        }

        var file = Path.Combine(dataFolder, "auth-signing.key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(dataFolder);
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        }

        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));
    }
}
