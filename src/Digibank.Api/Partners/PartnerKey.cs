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

/// <summary>How one run of a partner's plug-in went, as the plug-in host reported it.</summary>
public sealed class SyncRun : IEntity
{
    public int Id { get; set; }

    public int PartnerId { get; set; }

    public required string PluginName { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime FinishedAt { get; set; }

    public SyncOutcome Outcome { get; set; }

    public string? Error { get; set; }

    public int OffersCreated { get; set; }

    public int OffersUpdated { get; set; }

    public int OffersUnchanged { get; set; }

    public int OffersWithdrawn { get; set; }

    public int OffersRejected { get; set; }

    public int SignUpsReceived { get; set; }

    public int SignUpChangesDelivered { get; set; }
}

/// <summary>How a plug-in run ended. Stored by name; new values go at the end.</summary>
public enum SyncOutcome
{
    Succeeded,
    Failed,
    TimedOut,

    /// <summary>The run's snapshot would have withdrawn most of the partner's courses; the API held that back until a coordinator confirms.</summary>
    NeedsConfirmation,

    /// <summary>The plug-in host stopped running the plug-in after repeated crashes or timeouts; the run's error says why.</summary>
    Quarantined,
}
