using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Accounts;

/// <summary>
/// The link in an invitation: <c>/balie/uitnodiging/{account}.{expiry}.{signature}</c>, the signature an HMAC over the
/// rest and the account's security stamp. Nothing is stored: choosing a password renews the stamp, so a link works
/// once, for the one account, for <see cref="Lifetime"/>.
/// </summary>
public sealed class InvitationLinks(StaffTokens tokens, IOptions<SelfServiceOptions> addresses, TimeProvider clock)
{
    public const string Path = "/balie/uitnodiging";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly byte[] _key = tokens.DeriveKey("staff-invitation");

    public string Url(StaffAccount account) => $"{addresses.Value.PublicBaseUrl.TrimEnd('/')}{Path}/{Token(account)}";

    public string Token(StaffAccount account)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{account.Id}.{clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds()}");
        return $"{payload}.{Base64Url.EncodeToString(Sign(payload, account.SecurityStamp))}";
    }

    /// <summary>The account a token invites, or null when the token is malformed or expired; <see cref="Matches"/> then checks it against the account.</summary>
    public static int? AccountOf(string? token)
    {
        var parts = token?.Split('.');
        return parts is { Length: 3 } && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>Whether <paramref name="token"/> is a live invitation of <paramref name="account"/>, as it is now.</summary>
    public bool Matches(string? token, StaffAccount account)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 }
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || DateTimeOffset.FromUnixTimeSeconds(expires) <= clock.GetUtcNow())
        {
            return false;
        }

        var signature = new byte[32];
        return Base64Url.TryDecodeFromChars(parts[2], signature, out var written)
            && CryptographicOperations.FixedTimeEquals(Sign($"{parts[0]}.{parts[1]}", account.SecurityStamp), signature.AsSpan(0, written))
            && parts[0] == account.Id.ToString(CultureInfo.InvariantCulture);
    }

    private byte[] Sign(string payload, string? stamp) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{payload}.{stamp}"));
}
