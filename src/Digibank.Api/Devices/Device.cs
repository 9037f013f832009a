using Digibank.Api.Data;
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

/// <summary>How long a kind of device may be borrowed and how often a loan may be renewed.</summary>
public sealed class LoanRule : IEntity
{
    public int Id { get; set; }

    public DeviceKind Kind { get; set; }

    public int LoanPeriodDays { get; set; }

    public int RenewalsAllowed { get; set; }
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
}

public enum ReservationStatus
{
    Waiting,
    Ready,
    Fulfilled,
    Cancelled,
}
