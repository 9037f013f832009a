namespace Digibank.Api.Devices;

/// <summary>A person's reservation as their page shows it, with their place in the queue while they wait.</summary>
public sealed record PersonReservation(int Id, int HelpPointId, DeviceKind Kind, ReservationStatus Status, DateTime CreatedAt, DateTime? ReadyUntil, int? Position)
{
    /// <summary>In the queue or with a device set aside, and so can be cancelled.</summary>
    public bool IsActive => Status is ReservationStatus.Waiting or ReservationStatus.Ready;
}
