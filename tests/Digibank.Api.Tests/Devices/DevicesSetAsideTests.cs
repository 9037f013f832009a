using Digibank.Api.Devices;
using Digibank.Api.Notifications;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Digibank.Api.Tests.Devices.LendingTestData;

namespace Digibank.Api.Tests.Devices;

/// <summary>
/// A device that comes back is set aside for the first in the queue, who is told by e-mail and has the kind's days to
/// collect it; after that it goes to the next. And one person holds at most the kind's number of devices at once.
/// </summary>
public sealed class DevicesSetAsideTests(NotificationsApiFactory api) : RestoresClock(api.Clock), IClassFixture<NotificationsApiFactory>
{
    private const string OnlyLaptopOfKrombeke = "DBP-LAP-0012";

    [Fact]
    public async Task A_wiped_laptop_waits_for_the_first_in_the_queue_who_is_told_until_when_and_then_goes_to_the_next()
    {
        var krombeke = api.CreateStaffClient(StaffRole.Staff, Krombeke);
        var laptop = await api.DeviceAsync(OnlyLaptopOfKrombeke);
        var lent = await krombeke.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(laptop.Id), participantId = ParticipantId(await api.NewBorrowerAsync("Binnenloper")) });
        var (first, second) = ($"first-{Guid.NewGuid():N}@example.com", $"second-{Guid.NewGuid():N}@example.com");
        var firstInLine = await ReserveAsync("Jozef", first);
        var secondInLine = await ReserveAsync("Maria", second);

        await krombeke.MutateAsync(ReturnDeviceMutation, new { loanId = (string)lent["loan"]!["id"]!, condition = "GOOD", accessoriesComplete = true });
        var wiped = await krombeke.MutateAsync(MarkDeviceWipedMutation, new { deviceId = DeviceId(laptop.Id) });
        var toSomeoneElse = await krombeke.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(laptop.Id), participantId = ParticipantId(await ParticipantOfAsync(secondInLine)) });

        Assert.Equal("RESERVED", (string?)wiped["device"]!["status"]);
        Assert.Equal(["DEVICE_NOT_AVAILABLE"], toSomeoneElse.ErrorCodes());
        var ready = await ReservationAsync(firstInLine);
        Assert.Equal((ReservationStatus.Ready, laptop.Id), (ready.Status, ready.DeviceId));
        // Seven days for a laptop end on Monday 7 December, when the buurtsalon is closed (it opens on Tuesdays and Thursdays):
        // the next day it is open, to the end of the region's day: Tuesday 8 December, 23:59:59 in Poperinge.
        Assert.Equal(new DateTime(2026, 12, 8, 22, 59, 59, DateTimeKind.Utc), ready.ReadyUntil);
        var told = await api.MailToAsync(first);
        Assert.Equal("Je laptop ligt klaar", told.Subject);
        Assert.Contains("Kom hem halen ten laatste op dinsdag 8 december 2026.", told.TextBody, StringComparison.Ordinal);
        Assert.Contains("Waar: Buurtsalon Krombeke", told.TextBody, StringComparison.Ordinal);

        api.Clock.Current = new DateTimeOffset(ready.ReadyUntil!.Value.AddSeconds(1), TimeSpan.Zero);
        await api.Services.GetRequiredService<Reminders>().RunAsync(CancellationToken.None);

        Assert.Equal(ReservationStatus.Expired, (await ReservationAsync(firstInLine)).Status);
        var next = await ReservationAsync(secondInLine);
        Assert.Equal((ReservationStatus.Ready, laptop.Id), (next.Status, next.DeviceId));
        Assert.Equal("Je laptop ligt klaar", (await api.MailToAsync(second)).Subject);
        var collected = await api.CreateStaffClient(StaffRole.Staff, Krombeke).MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(laptop.Id), participantId = ParticipantId(next.ParticipantId) });
        Assert.Empty(collected["errors"]!.AsArray());
        Assert.Equal(ReservationStatus.Fulfilled, (await ReservationAsync(secondInLine)).Status);
    }

    [Fact]
    public async Task One_person_borrows_one_laptop_at_a_time_but_may_borrow_a_tablet_beside_it()
    {
        var library = api.CreateStaffClient(StaffRole.Staff, Library);
        var borrower = ParticipantId(await api.NewBorrowerAsync("Gilberte"));
        await using var db = api.CreateDbContext();
        var point = await api.HelpPointIdAsync(Library);
        var laptops = await db.Devices.Where(d => d.HomeHelpPointId == point && d.Kind == DeviceKind.Laptop && d.Status == DeviceStatus.Available).Take(2).ToListAsync();
        var tablet = await db.Devices.FirstAsync(d => d.HomeHelpPointId == point && d.Kind == DeviceKind.Tablet && d.Status == DeviceStatus.Available);

        var firstLaptop = await library.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(laptops[0].Id), participantId = borrower });
        var secondLaptop = await library.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(laptops[1].Id), participantId = borrower });
        var aTablet = await library.MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(tablet.Id), participantId = borrower });

        Assert.Empty(firstLaptop["errors"]!.AsArray());
        Assert.Equal(["LOAN_LIMIT_REACHED"], secondLaptop.ErrorCodes());
        Assert.Equal("AVAILABLE", (await api.DeviceAsync(laptops[1].AssetTag)).Status.ToString().ToUpperInvariant());
        Assert.Empty(aTablet["errors"]!.AsArray());
    }

    private async Task<int> ReserveAsync(string firstName, string email)
    {
        var payload = await api.CreateGraphQLClient().MutateAsync(ReserveDeviceMutation, new
        {
            helpPointId = await api.HelpPointGlobalIdAsync(Krombeke), kind = "LAPTOP", firstName, email,
            municipalityId = await api.MunicipalityGlobalIdAsync(), targetGroup = "SENIORS", consent = true,
        });
        Assert.Empty(payload["errors"]!.AsArray());
        return Digibank.Api.GraphQL.Relay.GlobalId.DecodeFor(ReservationType.TypeName, (string)payload["reservation"]!["id"]!);
    }

    private async Task<Reservation> ReservationAsync(int id)
    {
        await using var db = api.CreateDbContext();
        return await db.Reservations.SingleAsync(r => r.Id == id);
    }

    private async Task<int> ParticipantOfAsync(int reservationId) => (await ReservationAsync(reservationId)).ParticipantId;
}
