namespace Digibank.Api.Sync;

public sealed class PartnerSyncOptions
{
    public const string Section = "PartnerSync";

    /// <summary>
    /// The share (0 to 1) of a partner's active courses that one snapshot may withdraw on its own; a snapshot
    /// that would withdraw more is held until a coordinator confirms it. 1 holds only a snapshot that lists nothing.
    /// </summary>
    public double MassWithdrawalShare { get; set; } = 0.5;
}
