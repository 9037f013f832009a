using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Participants;

/// <summary>
/// Signed links in messages: <c>/self-service/{action}.{id}.{expiry}.{signature}</c>, the signature an HMAC over the
/// rest with a key derived from the server's signing key. Nothing is stored: a link is checked, not looked up, and
/// whoever holds it can do only the one thing it names, for the one sign-up or reservation, until it expires.
/// The same token is accepted as the <c>cancellationToken</c> of <c>cancelSignUp</c> and <c>cancelReservation</c>.
/// </summary>
public sealed class SelfServiceLinks(byte[] key, IOptions<SelfServiceOptions> options, TimeProvider clock)
{
    public const string Path = "/self-service";

    private const int SignatureBytes = 16;

    public string Token(SelfServiceAction action, int id)
    {
        var expires = clock.GetUtcNow().Add(options.Value.LinkLifetime).ToUnixTimeSeconds();
        var payload = string.Create(CultureInfo.InvariantCulture, $"{(int)action}.{id}.{expires}");
        return $"{payload}.{Base64Url(Sign(payload))}";
    }

    public string Url(SelfServiceAction action, int id) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}{Path}/{Token(action, id)}";

    /// <summary>The link a token stands for, or null when it is malformed, forged or expired.</summary>
    public SelfServiceLink? Read(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 4 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var action) || !Enum.IsDefined((SelfServiceAction)action)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !TryFromBase64Url(parts[3], out var signature))
        {
            return null;
        }

        var expected = Sign(string.Join('.', parts[..3]));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature) || expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires).UtcDateTime;
        return expiresAt <= clock.GetUtcNow().UtcDateTime ? null : new SelfServiceLink((SelfServiceAction)action, id, expiresAt);
    }

    /// <summary>Whether the token is a valid link to do exactly this.</summary>
    public bool Allows(string? token, SelfServiceAction action, int id) => Read(token) is { } link && link.Action == action && link.Id == id;

    private byte[] Sign(string payload) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload))[..SignatureBytes];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        bytes = new byte[SignatureBytes + 3];
        if (text.Length != 22 || !Convert.TryFromBase64String(padded, bytes, out var written) || written != SignatureBytes)
        {
            bytes = [];
            return false;
        }

        bytes = bytes[..SignatureBytes];
        return true;
    }
}
