using Digibank.Api.Participants;

namespace Digibank.Api.Devices;

/// <summary>A place in the queue for a kind of device at a help point.</summary>
public sealed class Reservation : IEntity
{
    public int Id { get; set; }

    /// <summary>The region (one Digibank) this belongs to: the region of the place where it happens.</summary>
    public int RegionId { get; set; }

    public int HelpPointId { get; set; }

    public DeviceKind Kind { get; set; }

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public ReservationStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The device set aside for this reservation while it is READY.</summary>
    public int? DeviceId { get; set; }

    /// <summary>While READY: the moment the device goes to the next in the queue if it is not collected.</summary>
    public DateTime? ReadyUntil { get; set; }

    /// <summary>When the resident let us know, with their link, that they will come and collect it.</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>SHA-256 of the token the resident received to cancel without an account; the token itself is not kept.</summary>
    public string? CancellationTokenHash { get; set; }
}
