namespace Digibank.Api.Devices;

/// <summary>
/// What a help point's counter lends from and takes back: the devices free to lend (and those set aside for the
/// borrower), the devices out, oldest due first, and the devices back and waiting to be wiped; each list one page long,
/// <c>More…</c> when more did not fit. <see cref="Rules"/> give each kind's loan period.
/// </summary>
public sealed record LendingShelf(
    IReadOnlyList<Device> Available,
    bool MoreAvailable,
    IReadOnlyList<Loan> Out,
    bool MoreOut,
    IReadOnlyList<Device> ToWipe,
    IReadOnlyList<LoanRule> Rules)
{
    public static readonly LendingShelf Empty = new([], false, [], false, [], []);

    /// <summary>When a device of <paramref name="kind"/> lent at <paramref name="now"/> is due back by the rules.</summary>
    public DateTime? DueByRule(DeviceKind kind, DateTime now) =>
        Rules.FirstOrDefault(r => r.Kind == kind) is { } rule ? now.AddDays(rule.LoanPeriodDays) : null;
}
