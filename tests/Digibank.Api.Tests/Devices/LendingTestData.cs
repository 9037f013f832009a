using System.Text.Json.Nodes;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Regions;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Devices;

/// <summary>The lending mutations as a staff client sends them, and the seeded rows the tests start from.</summary>
public static class LendingTestData
{
    public const string Library = "Bibliotheek Poperinge";
    public const string Krombeke = "Buurtsalon Krombeke";
    public const string Bellewijk = "Buurthuis Bellewijk";
    public const string DeBres = "Lokaal Dienstencentrum De Bres";

    public const string ReserveDeviceMutation = """
        mutation ($input: ReserveDeviceInput!) {
          reserveDevice(input: $input) {
            reservation { id kind status position helpPoint { name } }
            errors { __typename ... on Error { code message } ... on InvalidInputError { field } ... on AlreadyInQueueError { position } }
          }
        }
        """;

    public const string CancelReservationMutation = """
        mutation ($input: CancelReservationInput!) {
          cancelReservation(input: $input) {
            reservation { id status position }
            errors { __typename ... on Error { code message } ... on InvalidInputError { field } ... on ReservationNotWaitingError { status } }
          }
        }
        """;

    public const string LendDeviceMutation = """
        mutation ($input: LendDeviceInput!) {
          lendDevice(input: $input) {
            loan { id checkedOutAt dueAt renewals returnedAt isOverdue device { assetTag model kind status } helpPoint { name } }
            errors {
              __typename ... on Error { code message }
              ... on InvalidInputError { field }
              ... on DeviceNotAvailableError { status }
              ... on BorrowerHasOverdueLoanError { dueAt }
              ... on QueueHasPriorityError { waiting }
              ... on ReservationNotWaitingError { reservationStatus: status }
            }
          }
        }
        """;

    public const string RenewLoanMutation = """
        mutation ($input: RenewLoanInput!) {
          renewLoan(input: $input) {
            loan { id dueAt renewals }
            errors {
              __typename ... on Error { code message }
              ... on InvalidInputError { field }
              ... on RenewalLimitReachedError { renewalsAllowed }
              ... on WaitingListError { waiting }
              ... on LoanAlreadyReturnedError { returnedAt }
            }
          }
        }
        """;

    public const string ReturnDeviceMutation = """
        mutation ($input: ReturnDeviceInput!) {
          returnDevice(input: $input) {
            loan { id returnedAt returnedCondition accessoriesComplete isOverdue device { assetTag condition status } }
            errors { __typename ... on Error { code message } ... on InvalidInputError { field } ... on LoanAlreadyReturnedError { returnedAt } }
          }
        }
        """;

    public const string MarkDeviceWipedMutation = """
        mutation ($input: MarkDeviceWipedInput!) {
          markDeviceWiped(input: $input) {
            device { assetTag condition status }
            errors { __typename ... on Error { code message } ... on InvalidInputError { field } ... on DeviceNotInMaintenanceError { status } }
          }
        }
        """;

    public static string DeviceId(int id) => GlobalId.Encode(DeviceType.TypeName, id);

    public static string ParticipantId(int id) => GlobalId.Encode(ParticipantType.TypeName, id);

    public static string LoanId(int id) => GlobalId.Encode(LoanType.TypeName, id);

    public static string ReservationId(int id) => GlobalId.Encode(ReservationType.TypeName, id);

    /// <summary>Sends a mutation and returns its payload (the object under the mutation's name).</summary>
    public static async Task<JsonNode> MutateAsync(this GraphQLTestClient client, string document, object input)
    {
        var data = await client.QueryAsync(document, new { input });
        return data.AsObject().Single().Value!;
    }

    public static IEnumerable<string?> ErrorCodes(this JsonNode payload) =>
        payload["errors"]!.AsArray().Select(error => (string?)error!["code"]);

    public static async Task<Device> DeviceAsync(this DigibankApiFactory api, string assetTag)
    {
        await using var db = api.CreateDbContext();
        return await db.Devices.Include(d => d.HomeHelpPoint).SingleAsync(d => d.AssetTag == assetTag);
    }

    public static async Task<int> HelpPointIdAsync(this DigibankApiFactory api, string name)
    {
        await using var db = api.CreateDbContext();
        return await db.HelpPoints.Where(h => h.Name == name).Select(h => h.Id).SingleAsync();
    }

    public static async Task<string> HelpPointGlobalIdAsync(this DigibankApiFactory api, string name) =>
        GlobalId.Encode("HelpPoint", await api.HelpPointIdAsync(name));

    public static async Task<string> MunicipalityGlobalIdAsync(this DigibankApiFactory api, string name = "Poperinge")
    {
        await using var db = api.CreateDbContext();
        return GlobalId.Encode("Municipality", await db.Municipalities.Where(m => m.Name == name).Select(m => m.Id).SingleAsync());
    }

    /// <summary>A resident with no loans yet, as staff would have registered them at the counter.</summary>
    public static async Task<int> NewBorrowerAsync(this DigibankApiFactory api, string firstName = "Marleen")
    {
        // A resident of Poperinge, in the demo region: written as that region's work (row-level security on PostgreSQL).
        using var scope = RegionScope.For(Region.FirstRegionId);
        await using var db = api.CreateDbContext();
        var participant = db.Participants.Add(new Participant
        {
            FirstName = firstName,
            MunicipalityId = await db.Municipalities.Where(m => m.Name == "Poperinge").Select(m => m.Id).SingleAsync(),
            TargetGroup = TargetGroup.Seniors,
            ConsentGivenAt = DigibankApiFactory.Now.UtcDateTime,
            CreatedAt = DigibankApiFactory.Now.UtcDateTime,
        }).Entity;
        await db.SaveChangesAsync();
        return participant.Id;
    }

    /// <summary>Puts a new borrower in the queue for <paramref name="kind"/> at a help point, directly in the store.</summary>
    public static async Task<Reservation> QueueAsync(this DigibankApiFactory api, string helpPointName, DeviceKind kind, string firstName = "Jozef")
    {
        var participantId = await api.NewBorrowerAsync(firstName);
        await using var db = api.CreateDbContext();
        var helpPoint = await db.HelpPoints.SingleAsync(h => h.Name == helpPointName);
        using var scope = RegionScope.For(helpPoint.RegionId);
        var reservation = db.Reservations.Add(new Reservation
        {
            HelpPointId = helpPoint.Id,
            Kind = kind,
            ParticipantId = participantId,
            Status = ReservationStatus.Waiting,
            CreatedAt = DigibankApiFactory.Now.UtcDateTime,
        }).Entity;
        await db.SaveChangesAsync();
        return reservation;
    }

    public static async Task<Loan> OpenLoanAsync(this DigibankApiFactory api, string assetTag)
    {
        await using var db = api.CreateDbContext();
        return await db.Loans.SingleAsync(l => l.Device!.AssetTag == assetTag && l.ReturnedAt == null);
    }
}
