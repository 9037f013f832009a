using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;
using static Digibank.Api.Tests.Devices.LendingTestData;

namespace Digibank.Api.Tests.Devices;

public sealed class ReservationTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Vleteren = "Bibliotheek Vleteren";
    private const string Heuvelland = "Bibliotheek Heuvelland";

    private readonly GraphQLTestClient _anonymous = api.CreateGraphQLClient();

    [Fact]
    public async Task Residents_join_the_queue_in_order_and_the_public_counts_show_them_waiting()
    {
        var first = await _anonymous.MutateAsync(ReserveDeviceMutation, await ResidentAsync(Vleteren, "LAPTOP", email: "griet@example.be"));
        var second = await _anonymous.MutateAsync(ReserveDeviceMutation, await ResidentAsync(Vleteren, "LAPTOP", phone: "0470 12 34 56"));

        Assert.Empty(first["errors"]!.AsArray());
        Assert.Equal(("WAITING", 1), ((string?)first["reservation"]!["status"], (int)first["reservation"]!["position"]!));
        Assert.Equal(2, (int)second["reservation"]!["position"]!);
        Assert.Equal(Vleteren, (string?)second["reservation"]!["helpPoint"]!["name"]);
        var availability = await _anonymous.QueryAsync(
            "query ($point: ID) { deviceAvailability(helpPointId: $point, kind: LAPTOP) { waiting } }",
            new { point = await api.HelpPointGlobalIdAsync(Vleteren) });
        Assert.Equal(2, (int)availability["deviceAvailability"]![0]!["waiting"]!);
    }

    [Fact]
    public async Task The_same_e_mail_address_is_the_same_resident_and_staff_see_that_they_wait_already()
    {
        var tablet = await _anonymous.MutateAsync(ReserveDeviceMutation, await ResidentAsync(Heuvelland, "TABLET", email: "Roger.Vandamme@example.be"));
        var tabletAgain = await api.CreateStaffClient(StaffRole.Staff, Heuvelland)
            .MutateAsync(ReserveDeviceMutation, await ResidentAsync(Heuvelland, "TABLET", email: "roger.vandamme@example.be"));
        var laptop = await _anonymous.MutateAsync(ReserveDeviceMutation, await ResidentAsync(Heuvelland, "LAPTOP", email: "roger.vandamme@example.be"));

        Assert.Empty(tablet["errors"]!.AsArray());
        Assert.Equal(["ALREADY_IN_QUEUE"], tabletAgain.ErrorCodes());
        Assert.Equal(1, (int)tabletAgain["errors"]![0]!["position"]!);
        Assert.Empty(laptop["errors"]!.AsArray());
        await using var db = api.CreateDbContext();
        var resident = await db.Participants.SingleAsync(p => p.Email == "roger.vandamme@example.be");
        Assert.Equal(2, await db.Reservations.CountAsync(r => r.ParticipantId == resident.Id));
    }

    [Fact]
    public async Task Staff_reserve_for_someone_without_a_contact_and_see_who_it_is()
    {
        var staff = api.CreateStaffClient(StaffRole.Staff, Krombeke);

        var data = await staff.QueryAsync(
            """
            mutation ($input: ReserveDeviceInput!) {
              reserveDevice(input: $input) {
                reservation { kind status position helpPoint { name } participant { firstName email phone targetGroup municipality { name } } }
                errors { ... on Error { code message } }
              }
            }
            """,
            new { input = await ResidentAsync(Krombeke, "SMARTPHONE", firstName: "Georgette") });

        Snapshot.Match(data.ToJsonString(new() { WriteIndented = true }));
    }

    [Fact]
    public async Task Anonymous_residents_do_not_read_back_whom_a_reservation_is_for()
    {
        var response = await _anonymous.PostAsync(
            "mutation ($input: ReserveDeviceInput!) { reserveDevice(input: $input) { reservation { position participant { firstName } } } }",
            new { input = await ResidentAsync(Heuvelland, "SMARTPHONE", email: "someone@example.be") });

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
        Assert.Null(response.Data!["reserveDevice"]!["reservation"]!["participant"]);
    }

    [Theory]
    [InlineData("Mieke", null, null, true, "INVALID_INPUT", "email")]
    [InlineData("Mieke", "mieke@example.be", "0470 11 22 33", true, "INVALID_INPUT", "email")]
    [InlineData("Mieke", "not an address", null, true, "INVALID_INPUT", "email")]
    [InlineData("Mieke", null, "12", true, "INVALID_INPUT", "phone")]
    [InlineData("   ", "mieke@example.be", null, true, "INVALID_INPUT", "firstName")]
    [InlineData("Mieke", "mieke@example.be", null, false, "CONSENT_REQUIRED", null)]
    public async Task Bad_resident_input_is_refused_and_nothing_is_stored(string firstName, string? email, string? phone, bool consent, string code, string? field)
    {
        var input = await ResidentAsync(Vleteren, "TABLET", firstName, email, phone, consent);
        var before = await ReservationCountAsync();

        var payload = await _anonymous.MutateAsync(ReserveDeviceMutation, input);

        Assert.Equal([code], payload.ErrorCodes());
        Assert.Equal(field, (string?)payload["errors"]![0]!["field"]);
        Assert.Null(payload["reservation"]);
        Assert.Equal(before, await ReservationCountAsync());
    }

    [Fact]
    public async Task Absurdly_long_names_and_ids_of_the_wrong_type_or_unknown_get_typed_errors()
    {
        var longName = await _anonymous.MutateAsync(ReserveDeviceMutation, await ResidentAsync(Vleteren, "TABLET", firstName: new string('a', 5_000), email: "a@example.be"));
        var wrongType = await _anonymous.MutateAsync(ReserveDeviceMutation, (await ResidentAsync(Vleteren, "TABLET", email: "a@example.be")) with { HelpPointId = await api.MunicipalityGlobalIdAsync() });
        var unknown = await _anonymous.MutateAsync(ReserveDeviceMutation, (await ResidentAsync(Vleteren, "TABLET", email: "a@example.be")) with { HelpPointId = GlobalId.Encode("HelpPoint", 999_999) });

        Assert.Equal(["INVALID_INPUT"], longName.ErrorCodes());
        Assert.Equal("firstName", (string?)longName["errors"]![0]!["field"]);
        Assert.Equal(["INVALID_INPUT"], wrongType.ErrorCodes());
        Assert.Equal("helpPointId", (string?)wrongType["errors"]![0]!["field"]);
        Assert.Equal(["NOT_FOUND"], unknown.ErrorCodes());
    }

    [Fact]
    public async Task A_help_point_that_does_not_lend_devices_takes_no_reservations()
    {
        const string Mesen = "Stadhuis Mesen";
        await using (var db = api.CreateDbContext())
        {
            var mesen = await db.HelpPoints.AsTracking().SingleAsync(h => h.Name == Mesen);
            mesen.Services.Remove(HelpPointService.DeviceLending);
            await db.SaveChangesAsync();
        }

        var payload = await _anonymous.MutateAsync(ReserveDeviceMutation, await ResidentAsync(Mesen, "TABLET", email: "mesen@example.be"));

        Assert.Equal(["LENDING_NOT_OFFERED"], payload.ErrorCodes());
    }

    [Fact]
    public async Task Staff_of_the_point_cancel_a_reservation_and_those_behind_move_up()
    {
        const string MobileTeam = "Mobiele digiploeg";
        var first = await api.QueueAsync(MobileTeam, DeviceKind.Laptop);
        var second = await api.QueueAsync(MobileTeam, DeviceKind.Laptop);
        var staff = api.CreateStaffClient(StaffRole.Staff, MobileTeam);
        var input = new { reservationId = ReservationId(first.Id) };

        var anonymous = await _anonymous.MutateAsync(CancelReservationMutation, input);
        var guessedToken = await _anonymous.MutateAsync(CancelReservationMutation, new { reservationId = ReservationId(first.Id), cancellationToken = "guessed" });
        var otherPoint = await api.CreateStaffClient(StaffRole.Staff, Krombeke).MutateAsync(CancelReservationMutation, input);
        var cancelled = await staff.MutateAsync(CancelReservationMutation, input);
        var cancelledAgain = await staff.MutateAsync(CancelReservationMutation, input);
        var wrongType = await staff.MutateAsync(CancelReservationMutation, new { reservationId = LoanId(first.Id) });

        Assert.Equal(["INVALID_INPUT"], anonymous.ErrorCodes());
        Assert.Equal(["INVALID_CANCELLATION_TOKEN"], guessedToken.ErrorCodes());
        Assert.Equal(["NOT_ALLOWED"], otherPoint.ErrorCodes());
        Assert.Empty(cancelled["errors"]!.AsArray());
        Assert.Equal("CANCELLED", (string?)cancelled["reservation"]!["status"]);
        Assert.Null(cancelled["reservation"]!["position"]);
        Assert.Equal(["RESERVATION_NOT_WAITING"], cancelledAgain.ErrorCodes());
        Assert.Equal("CANCELLED", (string?)cancelledAgain["errors"]![0]!["status"]);
        Assert.Equal(["INVALID_INPUT"], wrongType.ErrorCodes());
        var queue = await staff.QueryAsync(
            "query ($point: ID!) { reservationQueue(helpPointId: $point, kind: LAPTOP) { nodes { id position } } }",
            new { point = await api.HelpPointGlobalIdAsync(MobileTeam) });
        var waiting = Assert.Single(queue["reservationQueue"]!["nodes"]!.AsArray());
        Assert.Equal((ReservationId(second.Id), 1), ((string?)waiting!["id"], (int)waiting["position"]!));
    }

    private async Task<int> ReservationCountAsync()
    {
        await using var db = api.CreateDbContext();
        return await db.Reservations.CountAsync();
    }

    private async Task<ResidentInput> ResidentAsync(
        string helpPoint, string kind, string firstName = "Mieke", string? email = null, string? phone = null, bool consent = true) =>
        new(await api.HelpPointGlobalIdAsync(helpPoint), kind, firstName, email, phone, await api.MunicipalityGlobalIdAsync(), "SENIORS", consent);

    private sealed record ResidentInput(
        string HelpPointId, string Kind, string FirstName, string? Email, string? Phone, string MunicipalityId, string TargetGroup, bool Consent);
}
