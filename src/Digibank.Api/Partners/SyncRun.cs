namespace Digibank.Api.Partners;

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
