using Digibank.Api.HelpPoints;
using Digibank.Api.Participants;

namespace Digibank.Api.Devices;

/// <summary>A device (toestel) lent for free from its home help point.</summary>
public sealed class Device : IEntity
{
    public int Id { get; set; }

    public DeviceKind Kind { get; set; }

    public required string AssetTag { get; set; }

    public required string Model { get; set; }

    public DeviceCondition Condition { get; set; }

    public int HomeHelpPointId { get; set; }

    public HelpPoint? HomeHelpPoint { get; set; }

    public DeviceStatus Status { get; set; }
}

public enum DeviceKind
{
    Smartphone,
    Tablet,
    Laptop,
}

public enum DeviceCondition
{
    New,
    Good,
    Fair,
    Damaged,
}

public enum DeviceStatus
{
    Available,
    Reserved,
    OnLoan,
    Maintenance,
    Retired,
}

/// <summary>
/// How long a kind of device may be borrowed, how often a loan may be renewed, how long a device set aside waits
/// to be collected, and how many of that kind one person may hold at once.
/// </summary>
public sealed class LoanRule : IEntity
{
    public int Id { get; set; }

    public DeviceKind Kind { get; set; }

    public int LoanPeriodDays { get; set; }

    public int RenewalsAllowed { get; set; }

    /// <summary>Days a device set aside (READY) waits for its borrower before it goes to the next in the queue.</summary>
    public int CollectWithinDays { get; set; } = 7;

    /// <summary>Devices of this kind one person may have on loan at the same time.</summary>
    public int MaxOpenLoans { get; set; } = 1;
}

/// <summary>A device lent to a participant (uitlening).</summary>
public sealed class Loan : IEntity
{
    public int Id { get; set; }

    public int DeviceId { get; set; }

    public Device? Device { get; set; }

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public int HelpPointId { get; set; }

    public DateTime CheckedOutAt { get; set; }

    /// <summary>The staff member who handed the device over (their token's subject).</summary>
    public string? CheckedOutBy { get; set; }

    public DateTime DueAt { get; set; }

    public int Renewals { get; set; }

    public DateTime? ReturnedAt { get; set; }

    public DeviceCondition? ReturnedCondition { get; set; }

    public bool? AccessoriesComplete { get; set; }
}

/// <summary>A place in the queue for a kind of device at a help point.</summary>
public sealed class Reservation : IEntity
{
    public int Id { get; set; }

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
