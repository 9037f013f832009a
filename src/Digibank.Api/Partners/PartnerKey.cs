using System.Security.Cryptography;
using System.Text;

namespace Digibank.Api.Partners;

/// <summary>A partner's key for the gRPC sync. Only a hash is stored; the key itself is shown once, when issued.</summary>
public sealed class PartnerKey : IEntity
{
    public const string Prefix = "dbk_";

    public int Id { get; set; }

    public int PartnerId { get; set; }

    public Partner? Partner { get; set; }

    public required string KeyHash { get; set; }

    /// <summary>What the key is for, e.g. "in-process plug-in host" or "LIGO server".</summary>
    public required string Label { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public static string NewKey() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
