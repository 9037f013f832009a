using Digibank.Api.HelpPoints;

namespace Digibank.Api.Devices;

/// <summary>A device (toestel) lent for free from its home help point.</summary>
public sealed class Device : IEntity
{
    public int Id { get; set; }

    /// <summary>The region (one Digibank) this belongs to: the region of the place where it happens.</summary>
    public int RegionId { get; set; }

    public DeviceKind Kind { get; set; }

    public required string AssetTag { get; set; }

    public required string Model { get; set; }

    public DeviceCondition Condition { get; set; }

    public int HomeHelpPointId { get; set; }

    public HelpPoint? HomeHelpPoint { get; set; }

    public DeviceStatus Status { get; set; }
}
