namespace Digibank.Api.Devices;

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
