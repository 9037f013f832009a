using Digibank.Api.Municipalities;
using Digibank.Api.Participants;

namespace Digibank.Api.Devices;

/// <summary>
/// The terms of a loan beyond the queue, the same for the counter and the API: a due date chosen at the counter may be
/// sooner than the kind's loan period but not later (a renewal is how a loan gets longer); what goes with a device is
/// listed once, and taking it back says which of it came back; a returned device is lent again only after every step
/// of the wipe. And the refusals of a device or reservation that is not where the change needs it.
/// </summary>
internal static class LoanTerms
{
    /// <summary>
    /// The loan's due moment in <paramref name="dueAt"/>: <paramref name="chosen"/> when it lies between now and the end of
    /// the rule's last day, the rule's when none was chosen; a refusal otherwise.
    /// </summary>
    public static InvalidInputError? DueAt(DateTime? chosen, DateTime now, LoanRule rule, out DateTime dueAt)
    {
        var byRule = now.AddDays(rule.LoanPeriodDays);
        dueAt = chosen ?? byRule;
        return chosen switch
        {
            null => null,
            { } due when due <= now => new("dueAt", "The due date must lie in the future."),
            { } due when due > RegionTime.EndOfLocalDay(byRule) => new(
                "dueAt", $"A {Lending.NameOf(rule.Kind)} is lent for at most {rule.LoanPeriodDays} days, until {RegionTime.ToLocal(byRule):d MMMM yyyy}; renew the loan to keep it longer."),
            _ => null,
        };
    }

    /// <summary>Each accessory once, in the order of <see cref="LoanAccessory"/>.</summary>
    public static List<LoanAccessory> Listed(IEnumerable<LoanAccessory>? accessories) => [.. (accessories ?? []).Distinct().Order()];

    /// <summary>Records what came back with the device; a refusal when the caller said nothing about it.</summary>
    public static UserError? TakeBack(Loan loan, ReturnDevice command)
    {
        if (command.AccessoriesReturned is { } back)
        {
            loan.AccessoriesReturned = [.. loan.Accessories.Where(back.Contains)];
            loan.AccessoriesComplete = loan.AccessoriesReturned.Count == loan.Accessories.Count;
            return null;
        }

        if (command.AccessoriesComplete is not { } complete)
        {
            return new InvalidInputError("accessoriesComplete", "Say whether the accessories came back: give accessoriesComplete or accessoriesReturned.");
        }

        loan.AccessoriesReturned = complete ? [.. loan.Accessories] : [];
        loan.AccessoriesComplete = complete;
        return null;
    }

    /// <summary>A refusal naming the steps not done, when the caller gave a checklist and it is not complete.</summary>
    public static WipeChecklistIncompleteError? StepsLeft(Device device, IReadOnlyCollection<WipeStep>? done)
    {
        var left = done is null ? [] : Enum.GetValues<WipeStep>().Except(done).ToList();
        return left.Count == 0 ? null
            : new($"{device.AssetTag} is not wiped yet: {string.Join(", ", left)} still to do.", left);
    }

    /// <summary>A device set aside goes only to the one it is set aside for; any other device must be AVAILABLE.</summary>
    public static DeviceNotAvailableError? NotOnTheShelf(Device device, Participant borrower, Reservation? setAside) =>
        setAside is not null && setAside.ParticipantId != borrower.Id ? new($"{device.AssetTag} is set aside for someone in the queue.", device.Status)
        : device.Status != DeviceStatus.Available && setAside is null ? new($"{device.AssetTag} cannot be lent: it is {StatusName(device.Status)}.", device.Status)
        : null;

    /// <summary>A reservation still in the queue or with a device set aside, and so can be cancelled.</summary>
    public static ReservationNotWaitingError? NotActive(Reservation reservation) =>
        reservation.Status is ReservationStatus.Waiting or ReservationStatus.Ready ? null : new("This reservation is no longer in the queue.", reservation.Status);

    /// <summary>A reservation still waiting in the queue, and so can be fulfilled by name.</summary>
    public static ReservationNotWaitingError? NotWaiting(Reservation reservation) =>
        reservation.Status == ReservationStatus.Waiting ? null : new("This reservation is no longer in the queue.", reservation.Status);

    /// <summary>A device's status as staff read it in a refusal.</summary>
    public static string StatusName(DeviceStatus status) => status switch
    {
        DeviceStatus.OnLoan => "on loan",
        DeviceStatus.Maintenance => "in maintenance, waiting to be wiped",
        DeviceStatus.Reserved => "set aside for someone in the queue",
        _ => status.ToString().ToLowerInvariant(),
    };
}
