using Digibank.Api.Devices;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Devices;

public sealed class DeviceAvailabilityTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private readonly GraphQLTestClient _client = api.CreateGraphQLClient();

    [Fact]
    public async Task Availability_counts_match_the_devices_on_the_shelf()
    {
        var data = await _client.QueryAsync("{ deviceAvailability { helpPoint { name } kind total available onLoan } }");

        await using var db = api.CreateDbContext();
        var devices = await db.Devices.Include(d => d.HomeHelpPoint).Where(d => d.Status != DeviceStatus.Retired).ToListAsync();
        var rows = data["deviceAvailability"]!.AsArray();
        Assert.Equal(devices.Select(d => (d.HomeHelpPointId, d.Kind)).Distinct().Count(), rows.Count);
        foreach (var row in rows)
        {
            var kind = Enum.Parse<DeviceKind>((string)row!["kind"]!, ignoreCase: true);
            var here = devices.Where(d => d.HomeHelpPoint!.Name == (string?)row["helpPoint"]!["name"] && d.Kind == kind).ToList();
            Assert.Equal(here.Count, (int)row["total"]!);
            Assert.Equal(here.Count(d => d.Status == DeviceStatus.Available), (int)row["available"]!);
            Assert.Equal(here.Count(d => d.Status == DeviceStatus.OnLoan), (int)row["onLoan"]!);
        }
    }

    [Fact]
    public async Task The_next_return_date_is_the_earliest_due_date_of_a_lent_device()
    {
        await using var db = api.CreateDbContext();
        var loan = await db.Loans.Include(l => l.Device).Where(l => l.ReturnedAt == null).OrderBy(l => l.DueAt).FirstAsync();
        var earliest = await db.Loans
            .Where(l => l.ReturnedAt == null && l.Device!.HomeHelpPointId == loan.Device!.HomeHelpPointId && l.Device.Kind == loan.Device.Kind)
            .MinAsync(l => l.DueAt);

        var data = await _client.QueryAsync(
            "query ($kind: DeviceKind) { deviceAvailability(kind: $kind) { helpPoint { id } kind nextReturnDueAt } }",
            new { kind = loan.Device!.Kind.ToString().ToUpperInvariant() });

        Assert.Contains(data["deviceAvailability"]!.AsArray(), row => (DateTime?)row!["nextReturnDueAt"] == earliest);
    }

    [Fact]
    public async Task Availability_narrows_to_one_town_and_refuses_an_id_of_another_type()
    {
        var towns = await _client.QueryAsync("{ municipalities { nodes { id name } } }");
        var mesen = towns["municipalities"]!["nodes"]!.AsArray().Single(town => (string?)town!["name"] == "Mesen")!;

        var inMesen = await _client.QueryAsync(
            "query ($town: ID) { deviceAvailability(municipalityId: $town) { helpPoint { municipality { name } } total } }",
            new { town = (string)mesen["id"]! });
        var wrongType = await _client.PostAsync(
            "query ($point: ID) { deviceAvailability(helpPointId: $point) { total } }",
            new { point = (string)mesen["id"]! });

        Assert.NotEmpty(inMesen["deviceAvailability"]!.AsArray());
        Assert.All(inMesen["deviceAvailability"]!.AsArray(), row => Assert.Equal("Mesen", (string?)row!["helpPoint"]!["municipality"]!["name"]));
        Assert.Equal(["INVALID_ID"], wrongType.ErrorCodes);
    }

    [Fact]
    public async Task Availability_never_says_who_borrowed_a_device()
    {
        var response = await _client.PostAsync("{ deviceAvailability { participant { firstName } } }");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
    }
}
