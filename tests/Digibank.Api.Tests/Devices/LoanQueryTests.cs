using Digibank.Api.Devices;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;
using static Digibank.Api.Tests.Devices.LendingTestData;

namespace Digibank.Api.Tests.Devices;

/// <summary>Read-only: these tests share the seeded loans and change nothing.</summary>
public sealed class LoanQueryTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Overdue = """
        query ($point: ID) {
          overdueLoans(helpPointId: $point) {
            totalCount
            nodes { id dueAt renewals isOverdue device { assetTag model kind } helpPoint { name } participant { firstName } }
          }
        }
        """;

    private const string Loans = """
        query ($point: ID!, $open: Boolean) {
          loans(helpPointId: $point, open: $open) { totalCount nodes { dueAt isOverdue returnedAt device { assetTag } participant { firstName } } }
        }
        """;

    [Fact]
    public async Task The_coordinator_sees_every_overdue_loan_with_its_borrower()
    {
        var data = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Overdue);

        await using var db = api.CreateDbContext();
        var now = DigibankApiFactory.Now.UtcDateTime;
        Assert.Equal(await db.Loans.CountAsync(l => l.ReturnedAt == null && l.DueAt < now), (int)data["overdueLoans"]!["totalCount"]!);
        Assert.All(data["overdueLoans"]!["nodes"]!.AsArray(), loan => Assert.True((bool)loan!["isOverdue"]!));
        Snapshot.Match(data.ToJsonString(new() { WriteIndented = true }));
    }

    [Fact]
    public async Task Staff_see_only_the_overdue_loans_of_their_own_points()
    {
        var library = api.CreateStaffClient(StaffRole.Staff, Library);

        var own = await library.QueryAsync(Overdue);
        var ownByName = await library.QueryAsync(Overdue, new { point = await api.HelpPointGlobalIdAsync(Library) });
        var otherPoint = await library.PostAsync(Overdue, new { point = await api.HelpPointGlobalIdAsync(Krombeke) });
        var anonymous = await api.CreateGraphQLClient().PostAsync(Overdue);

        var nodes = own["overdueLoans"]!["nodes"]!.AsArray();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, loan => Assert.Equal(Library, (string?)loan!["helpPoint"]!["name"]));
        Assert.Equal(nodes.Count, ownByName["overdueLoans"]!["nodes"]!.AsArray().Count);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], otherPoint.ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Null(anonymous.Data);
    }

    [Fact]
    public async Task Staff_list_the_open_and_returned_loans_of_their_point()
    {
        var library = api.CreateStaffClient(StaffRole.Staff, Library);
        var point = await api.HelpPointGlobalIdAsync(Library);

        var open = await library.QueryAsync(Loans, new { point, open = true });
        var returned = await library.QueryAsync(Loans, new { point, open = false });

        await using var db = api.CreateDbContext();
        var now = DigibankApiFactory.Now.UtcDateTime;
        var expected = await db.Loans.Where(l => l.Device!.HomeHelpPoint!.Name == Library && l.ReturnedAt == null)
            .OrderBy(l => l.DueAt).Select(l => new { l.Device!.AssetTag, Overdue = l.DueAt < now, l.Participant!.FirstName }).ToListAsync();
        Assert.Equal(
            expected.Select(l => (l.AssetTag, l.Overdue, l.FirstName)),
            open["loans"]!["nodes"]!.AsArray().Select(l => ((string)l!["device"]!["assetTag"]!, (bool)l["isOverdue"]!, (string?)l["participant"]!["firstName"])));
        Assert.Equal(0, (int)returned["loans"]!["totalCount"]!);
    }

    [Fact]
    public async Task Anonymous_callers_and_staff_of_another_point_cannot_list_loans_reservations_or_devices()
    {
        var point = await api.HelpPointGlobalIdAsync(Library);
        var otherPoint = api.CreateStaffClient(StaffRole.Staff, Krombeke);
        var anonymous = api.CreateGraphQLClient();
        string[] documents =
        [
            "query ($point: ID!) { loans(helpPointId: $point) { nodes { dueAt } } }",
            "query ($point: ID!) { reservationQueue(helpPointId: $point) { nodes { position } } }",
            "query ($point: ID!) { devices(helpPointId: $point) { nodes { assetTag } } }",
        ];

        foreach (var document in documents)
        {
            Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await anonymous.PostAsync(document, new { point })).ErrorCodes);
            Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await otherPoint.PostAsync(document, new { point })).ErrorCodes);
        }
    }

    [Fact]
    public async Task A_loan_is_not_a_public_node()
    {
        var loan = await api.OpenLoanAsync("DBP-TAB-0001");

        var response = await api.CreateGraphQLClient().PostAsync("query ($id: ID!) { node(id: $id) { id } }", new { id = LoanId(loan.Id) });

        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
    }

    [Fact]
    public async Task Staff_find_the_devices_of_their_point_by_status()
    {
        var data = await api.CreateStaffClient(StaffRole.Staff, Library).QueryAsync(
            "query ($point: ID!) { devices(helpPointId: $point, kind: LAPTOP, status: ON_LOAN) { nodes { assetTag status homeHelpPoint { name } } } }",
            new { point = await api.HelpPointGlobalIdAsync(Library) });

        Assert.Equal(["DBP-LAP-0002", "DBP-LAP-0003"], data["devices"]!["nodes"]!.AsArray().Select(d => (string?)d!["assetTag"]));
    }
}
