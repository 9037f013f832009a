namespace Digibank.Api.Devices;

public enum ReservationStatus
{
    Waiting,

    /// <summary>A device is set aside for the person until <see cref="Reservation.ReadyUntil"/>.</summary>
    Ready,
    Fulfilled,
    Cancelled,

    /// <summary>The device set aside was not collected in time; it went to the next in the queue.</summary>
    Expired,
}
