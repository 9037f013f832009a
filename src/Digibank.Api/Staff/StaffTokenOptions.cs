namespace Digibank.Api.Staff;

public sealed class StaffTokenOptions
{
    public const string Section = "Auth";

    /// <summary>HMAC key, at least 32 bytes of text. Without one, a random key is kept in the data folder.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "digibank-regio-poperinge";

    public string Audience { get; set; } = "digibank-api";

    /// <summary>
    /// The longest a token may live: a staff token lasts a working day, not forever. A token without an
    /// expiry, or whose expiry lies further ahead than this, is refused even when its signature is right.
    /// </summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
