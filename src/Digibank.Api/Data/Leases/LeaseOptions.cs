namespace Digibank.Api.Data.Leases;

public sealed class LeaseOptions
{
    public const string Section = "Leases";

    /// <summary>How often an instance without the lease tries again, and the holder checks its connection.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}
