using Digibank.Api.Data;
using Digibank.Api.Devices;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using static Digibank.Api.Tests.Devices.LendingTestData;

namespace Digibank.Api.Tests.Devices;

/// <summary>
/// The lending rules on the database itself, without GraphQL: what the desk allows and refuses is what any
/// caller gets, and a refusal changes nothing.
/// </summary>
public sealed class LendingDeskTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string OnlyLaptopOfKrombeke = "DBP-LAP-0012";

    private DateTime Now => api.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_reserved_device_goes_to_the_first_in_the_queue_comes_back_damaged_and_is_lent_again_only_after_repair()
    {
        var krombeke = await StaffOfAsync(Krombeke);
        var laptop = await api.DeviceAsync(OnlyLaptopOfKrombeke);
        var walkIn = await api.NewBorrowerAsync("Binnenloper");
        await using var db = DeskContext();
        var desk = new LendingDesk(db, Now);

        var reserved = await desk.ReserveAsync(
            new ReserveDevice(laptop.HomeHelpPointId, DeviceKind.Laptop, await ResidentAsync(db, "jozef@example.com"), Staff: null), CancellationToken.None);
        await db.SaveChangesAsync();
        var toWalkIn = await desk.LendAsync(new LendDevice(laptop.Id, walkIn, null, krombeke), CancellationToken.None);
        var loan = await desk.LendAsync(new LendDevice(laptop.Id, reserved.Value!.Reservation.ParticipantId, null, krombeke), CancellationToken.None);
        await db.SaveChangesAsync();
        var lentTwice = await desk.LendAsync(new LendDevice(laptop.Id, walkIn, null, krombeke), CancellationToken.None);
        var returned = await desk.ReturnAsync(new ReturnDevice(loan.Value!.Id, DeviceCondition.Damaged, AccessoriesComplete: false, krombeke), CancellationToken.None);
        await db.SaveChangesAsync();
        var wipedWhileDamaged = await desk.MarkWipedAsync(new MarkDeviceWiped(laptop.Id, null, krombeke), CancellationToken.None);
        var wipedAfterRepair = await desk.MarkWipedAsync(new MarkDeviceWiped(laptop.Id, DeviceCondition.Good, krombeke), CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.IsType<QueueHasPriorityError>(toWalkIn.Error);
        Assert.Equal(ReservationStatus.Fulfilled, reserved.Value.Reservation.Status);
        Assert.Equal(Now.AddDays(await LoanPeriodDaysAsync(DeviceKind.Laptop)), loan.Value.DueAt);
        Assert.Equal(DeviceStatus.OnLoan, Assert.IsType<DeviceNotAvailableError>(lentTwice.Error).Status);
        Assert.Equal((Now, DeviceCondition.Damaged), (returned.Value!.ReturnedAt, returned.Value.ReturnedCondition));
        Assert.IsType<DeviceDamagedError>(wipedWhileDamaged.Error);
        Assert.Equal((DeviceStatus.Available, DeviceCondition.Good), (wipedAfterRepair.Value!.Status, wipedAfterRepair.Value.Condition));
    }

    [Fact]
    public async Task Staff_of_another_help_point_are_refused_everything_and_nothing_changes()
    {
        var library = await StaffOfAsync(Library);
        var laptop = await api.DeviceAsync(OnlyLaptopOfKrombeke);
        var queued = await api.QueueAsync(Krombeke, DeviceKind.Laptop);
        await using var db = DeskContext();
        var desk = new LendingDesk(db, Now);

        UserError?[] refusals =
        [
            (await desk.LendAsync(new LendDevice(laptop.Id, queued.ParticipantId, queued.Id, library), CancellationToken.None)).Error,
            (await desk.CancelReservationAsync(new CancelReservation(queued.Id, library), CancellationToken.None)).Error,
            (await desk.MarkWipedAsync(new MarkDeviceWiped(laptop.Id, DeviceCondition.Good, library), CancellationToken.None)).Error,
            (await desk.ReserveAsync(new ReserveDevice(laptop.HomeHelpPointId, DeviceKind.Laptop, await ResidentAsync(db, null), library), CancellationToken.None)).Error,
        ];

        Assert.All(refusals, refusal => Assert.IsType<NotAllowedError>(refusal));
        Assert.False(db.ChangeTracker.HasChanges());
    }

    private async Task<StaffUser> StaffOfAsync(string helpPoint) =>
        new($"staff-{helpPoint}", "Sofie", StaffRole.Staff, Region.FirstRegionId, new HashSet<int> { await api.HelpPointIdAsync(helpPoint) }, null);

    private DigibankDbContext DeskContext()
    {
        var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        return db;
    }

    private static async Task<ResidentDetails> ResidentAsync(DigibankDbContext db, string? email) =>
        new("Jozef", email, null, await db.Municipalities.Where(m => m.Name == "Poperinge").Select(m => m.Id).SingleAsync(), TargetGroup.Seniors);

    private async Task<int> LoanPeriodDaysAsync(DeviceKind kind)
    {
        await using var db = api.CreateDbContext();
        return await db.LoanRules.Where(r => r.Kind == kind).Select(r => r.LoanPeriodDays).SingleAsync();
    }
}
