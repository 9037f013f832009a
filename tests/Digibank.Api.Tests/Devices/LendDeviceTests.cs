using Digibank.Api.Devices;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;
using static Digibank.Api.Tests.Devices.LendingTestData;

namespace Digibank.Api.Tests.Devices;

public sealed class LendDeviceTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private readonly GraphQLTestClient _library = api.CreateStaffClient(StaffRole.Staff, Library);

    [Fact]
    public async Task Staff_of_the_home_point_lend_an_available_device_for_the_loan_period_of_its_kind()
    {
        var device = await api.DeviceAsync("DBP-GSM-0002");
        var borrower = await api.NewBorrowerAsync();

        var payload = await _library.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(device.Id), participantId = ParticipantId(borrower) });

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(DigibankApiFactory.Now.UtcDateTime.AddDays(28), (DateTime)payload["loan"]!["dueAt"]!);
        await using var db = api.CreateDbContext();
        var loan = await db.Loans.Include(l => l.Device).SingleAsync(l => l.DeviceId == device.Id && l.ReturnedAt == null);
        Assert.Equal(borrower, loan.ParticipantId);
        Assert.Equal(device.HomeHelpPointId, loan.HelpPointId);
        Assert.Equal($"test:Staff:{device.HomeHelpPointId}", loan.CheckedOutBy);
        Assert.Equal(DeviceStatus.OnLoan, loan.Device!.Status);
        payload["loan"]!.AsObject().Remove("id");
        Snapshot.Match(payload.ToJsonString(new() { WriteIndented = true }));
    }

    [Fact]
    public async Task A_device_on_loan_is_not_lent_again()
    {
        var device = await api.DeviceAsync("DBP-LAP-0002");
        var borrower = await api.NewBorrowerAsync();

        var payload = await _library.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(device.Id), participantId = ParticipantId(borrower) });

        Assert.Null(payload["loan"]);
        Assert.Equal("DeviceNotAvailableError", (string?)payload["errors"]![0]!["__typename"]);
        Assert.Equal("DEVICE_NOT_AVAILABLE", (string?)payload["errors"]![0]!["code"]);
        Assert.Equal("ON_LOAN", (string?)payload["errors"]![0]!["status"]);
    }

    [Fact]
    public async Task A_borrower_with_an_overdue_loan_gets_nothing_new_and_the_refusal_leaves_nothing_behind()
    {
        await using var db = api.CreateDbContext();
        var now = DigibankApiFactory.Now.UtcDateTime;
        var overdue = await db.Loans.Include(l => l.Device).Where(l => l.ReturnedAt == null && l.DueAt < now && l.Device!.HomeHelpPoint!.Name == Library).SingleAsync();
        var device = await api.DeviceAsync("DBP-GSM-0003");
        var loansBefore = await db.Loans.CountAsync();

        var payload = await _library.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(device.Id), participantId = ParticipantId(overdue.ParticipantId) });

        Assert.Equal(["BORROWER_HAS_OVERDUE_LOAN"], payload.ErrorCodes());
        Assert.Equal(overdue.DueAt, (DateTime)payload["errors"]![0]!["dueAt"]!);
        Assert.Equal(loansBefore, await db.Loans.CountAsync());
        Assert.False(await db.Loans.AnyAsync(l => l.DeviceId == device.Id));
        Assert.Equal(DeviceStatus.Available, (await api.DeviceAsync("DBP-GSM-0003")).Status);
        Snapshot.Match(payload.ToJsonString(new() { WriteIndented = true }));
    }

    [Fact]
    public async Task The_only_device_of_a_kind_goes_to_the_first_in_the_queue()
    {
        var laptop = await api.DeviceAsync("DBP-LAP-0012");
        Assert.Equal(Krombeke, laptop.HomeHelpPoint!.Name);
        var first = await api.QueueAsync(Krombeke, DeviceKind.Laptop, "Eerste");
        var second = await api.QueueAsync(Krombeke, DeviceKind.Laptop, "Tweede");
        var walkIn = await api.NewBorrowerAsync("Binnenloper");
        var krombeke = api.CreateStaffClient(StaffRole.Staff, Krombeke);

        var toWalkIn = await krombeke.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(laptop.Id), participantId = ParticipantId(walkIn) });
        var toSecond = await krombeke.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(laptop.Id), participantId = ParticipantId(second.ParticipantId), reservationId = ReservationId(second.Id) });
        var toFirst = await krombeke.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(laptop.Id), participantId = ParticipantId(first.ParticipantId), reservationId = ReservationId(first.Id) });

        Assert.Equal(["QUEUE_HAS_PRIORITY"], toWalkIn.ErrorCodes());
        Assert.Equal(2, (int)toWalkIn["errors"]![0]!["waiting"]!);
        Assert.Equal(["QUEUE_HAS_PRIORITY"], toSecond.ErrorCodes());
        Assert.Empty(toFirst["errors"]!.AsArray());
        await using var db = api.CreateDbContext();
        Assert.Equal(ReservationStatus.Fulfilled, (await db.Reservations.SingleAsync(r => r.Id == first.Id)).Status);
        Assert.Equal(ReservationStatus.Waiting, (await db.Reservations.SingleAsync(r => r.Id == second.Id)).Status);
        var availability = await api.CreateGraphQLClient().QueryAsync(
            "query ($point: ID) { deviceAvailability(helpPointId: $point, kind: LAPTOP) { available onLoan waiting } }",
            new { point = await api.HelpPointGlobalIdAsync(Krombeke) });
        Assert.Equal(0, (int)availability["deviceAvailability"]![0]!["available"]!);
        Assert.Equal(1, (int)availability["deviceAvailability"]![0]!["waiting"]!);
    }

    [Fact]
    public async Task Devices_beyond_those_the_queue_needs_can_be_lent_to_anyone_and_the_borrowers_own_reservation_is_used()
    {
        var tablets = new[] { await api.DeviceAsync("DBP-TAB-0009"), await api.DeviceAsync("DBP-TAB-0010"), await api.DeviceAsync("DBP-TAB-0011") };
        Assert.All(tablets, tablet => Assert.Equal((DeBres, DeviceStatus.Available), (tablet.HomeHelpPoint!.Name, tablet.Status)));
        var first = await api.QueueAsync(DeBres, DeviceKind.Tablet, "Eerste");
        await api.QueueAsync(DeBres, DeviceKind.Tablet, "Tweede");
        var deBres = api.CreateStaffClient(StaffRole.Staff, DeBres);

        var threeForTwoWaiting = await deBres.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(tablets[0].Id), participantId = ParticipantId(await api.NewBorrowerAsync()) });
        var twoForTwoWaiting = await deBres.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(tablets[1].Id), participantId = ParticipantId(await api.NewBorrowerAsync()) });
        var toFirstWithoutNamingTheReservation = await deBres.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(tablets[1].Id), participantId = ParticipantId(first.ParticipantId) });

        Assert.Empty(threeForTwoWaiting["errors"]!.AsArray());
        Assert.Equal(["QUEUE_HAS_PRIORITY"], twoForTwoWaiting.ErrorCodes());
        Assert.Empty(toFirstWithoutNamingTheReservation["errors"]!.AsArray());
        await using var db = api.CreateDbContext();
        Assert.Equal(ReservationStatus.Fulfilled, (await db.Reservations.SingleAsync(r => r.Id == first.Id)).Status);
    }

    [Fact]
    public async Task A_reservation_of_someone_else_or_no_longer_waiting_is_refused()
    {
        var device = await api.DeviceAsync("DBP-GSM-0004");
        var someoneElses = await api.QueueAsync(Library, DeviceKind.Smartphone);
        var borrower = await api.NewBorrowerAsync();

        var notTheirs = await _library.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(device.Id), participantId = ParticipantId(borrower), reservationId = ReservationId(someoneElses.Id) });
        await _library.MutateAsync(CancelReservationMutation, new { reservationId = ReservationId(someoneElses.Id) });
        var cancelled = await _library.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(device.Id), participantId = ParticipantId(someoneElses.ParticipantId), reservationId = ReservationId(someoneElses.Id) });

        Assert.Equal(["INVALID_INPUT"], notTheirs.ErrorCodes());
        Assert.Equal("reservationId", (string?)notTheirs["errors"]![0]!["field"]);
        Assert.Equal(["RESERVATION_NOT_WAITING"], cancelled.ErrorCodes());
        Assert.Equal("CANCELLED", (string?)cancelled["errors"]![0]!["reservationStatus"]);
        Assert.Equal(DeviceStatus.Available, (await api.DeviceAsync("DBP-GSM-0004")).Status);
    }

    [Fact]
    public async Task Ids_of_the_wrong_type_and_unknown_ids_get_typed_errors()
    {
        var device = await api.DeviceAsync("DBP-TAB-0002");
        var borrower = await api.NewBorrowerAsync();

        var wrongTypes = await _library.MutateAsync(LendDeviceMutation, new { deviceId = ParticipantId(borrower), participantId = DeviceId(device.Id), reservationId = "not-an-id" });
        var unknownDevice = await _library.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(999_999), participantId = ParticipantId(borrower) });
        var unknownBorrower = await _library.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(device.Id), participantId = ParticipantId(999_999) });

        Assert.Equal(["INVALID_INPUT", "INVALID_INPUT", "INVALID_INPUT"], wrongTypes.ErrorCodes());
        Assert.Equal(["deviceId", "participantId", "reservationId"], wrongTypes["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        Assert.Equal(["NOT_FOUND"], unknownDevice.ErrorCodes());
        Assert.Equal(["NOT_FOUND"], unknownBorrower.ErrorCodes());
    }

    [Fact]
    public async Task Only_staff_of_the_devices_home_point_lend_it()
    {
        var device = await api.DeviceAsync("DBP-LAP-0004");
        var borrower = await api.NewBorrowerAsync();
        var input = new { deviceId = DeviceId(device.Id), participantId = ParticipantId(borrower) };

        var anonymous = await api.CreateGraphQLClient().PostAsync(LendDeviceMutation, new { input });
        var otherPoint = await api.CreateStaffClient(StaffRole.Staff, Krombeke).MutateAsync(LendDeviceMutation, input);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Null(anonymous.Data?["lendDevice"]);
        Assert.Equal(["NOT_ALLOWED"], otherPoint.ErrorCodes());
        await using var db = api.CreateDbContext();
        Assert.False(await db.Loans.AnyAsync(l => l.DeviceId == device.Id));
        Assert.Equal(DeviceStatus.Available, (await api.DeviceAsync("DBP-LAP-0004")).Status);
    }
}
