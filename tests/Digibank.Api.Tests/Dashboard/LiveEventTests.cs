using Digibank.Api.Regions;
using Digibank.Api.Tests.Sync;
using Digibank.Api.Devices;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Devices;
using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Dashboard;

public sealed class LiveEventTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public async Task A_loan_reaches_loan_and_device_subscribers_and_only_staff_see_the_borrower()
    {
        await using var db = api.CreateDbContext();
        var device = await db.Devices.Include(d => d.HomeHelpPoint)
            .Where(d => d.Status == DeviceStatus.Available && !db.Set<Reservation>().Any(r => r.HelpPointId == d.HomeHelpPointId && r.Kind == d.Kind && r.Status == ReservationStatus.Waiting))
            .OrderBy(d => d.Id).FirstAsync();
        var point = await api.HelpPointGlobalIdAsync(device.HomeHelpPoint!.Name);
        var borrower = await api.NewBorrowerAsync("Nand");
        var coordinatorToken = api.Services.GetRequiredService<StaffTokens>().Mint("c", "Coördinator", StaffRole.Coordinator, Region.FirstRegionId, []);
        await using var staff = await GraphQLWebSocketClient.ConnectAndInitAsync(api, coordinatorToken);
        await using var anonymous = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await staff.SubscribeAsync("loans", "subscription ($point: ID) { loanChanged(helpPointId: $point) { kind summary participant { firstName } } }", new { point });
        await anonymous.SubscribeAsync("devices", "subscription ($point: ID) { deviceAvailabilityChanged(helpPointId: $point) { kind helpPoint { deviceAvailability { kind available } } } }", new { point });
        var availableBefore = await db.Devices.CountAsync(d => d.HomeHelpPointId == device.HomeHelpPointId && d.Kind == device.Kind && d.Status == DeviceStatus.Available);

        var lent = await api.CreateStaffClient(StaffRole.Staff, device.HomeHelpPoint.Name)
            .MutateAsync(LendingTestData.LendDeviceMutation, new { deviceId = LendingTestData.DeviceId(device.Id), participantId = LendingTestData.ParticipantId(borrower) });

        Assert.Empty(lent.ErrorCodes());
        var loan = (await staff.NextAsync("loans"))["payload"]!["data"]!["loanChanged"]!;
        Assert.Equal("LOAN", (string?)loan["kind"]);
        Assert.Equal("Nand", (string?)loan["participant"]!["firstName"]);
        var availability = (await anonymous.NextAsync("devices"))["payload"]!["data"]!["deviceAvailabilityChanged"]!;
        Assert.Equal(availableBefore - 1, (int)availability["helpPoint"]!["deviceAvailability"]!.AsArray()
            .Single(row => (string?)row!["kind"] == device.Kind.ToString().ToUpperInvariant())!["available"]!);
    }

    [Fact]
    public async Task Help_requests_and_partner_syncs_reach_their_subscribers()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await client.SubscribeAsync("help", "subscription { helpRequestChanged { kind summary participant { firstName } } }");
        await client.SubscribeAsync("sync", "subscription { partnerSyncCompleted { kind summary partner { code } } }");
        await using (var db = api.CreateDbContext())
        {
            var topic = await db.Topics.SingleAsync(t => t.Code == "itsme");
            await api.CreateGraphQLClient().QueryAsync(
                "mutation ($input: RegisterHelpRequestInput!) { registerHelpRequest(input: $input) { errors { ... on Error { code } } } }",
                new { input = new { topicId = Digibank.Api.GraphQL.Relay.GlobalId.Encode("Topic", topic.Id), urgency = "URGENT", channel = "PHONE", municipalityId = await api.MunicipalityGlobalIdAsync(), firstName = "Odette", phone = "0472 11 22 33", targetGroup = "SENIORS", consent = true } });
        }

        var ligo = await PartnerSyncClient.ForAsync(api, "ligo");
        var now = api.Clock.GetUtcNow().UtcDateTime;
        await ligo.Sync.ReportSyncRunAsync(new SyncRunReport { PartnerCode = "ligo", PluginName = "Digibank.Plugins.Ligo", StartedAt = Timestamp.FromDateTime(now.AddSeconds(-2)), FinishedAt = Timestamp.FromDateTime(now), Outcome = "SUCCEEDED", OffersCreated = 3 }, ligo.Headers);

        var help = (await client.NextAsync("help"))["payload"]!["data"]!["helpRequestChanged"]!;
        var sync = (await client.NextAsync("sync"))["payload"]!["data"]!["partnerSyncCompleted"]!;
        Assert.Equal("HELP_REQUEST", (string?)help["kind"]);
        Assert.Contains("itsme", (string?)help["summary"], StringComparison.Ordinal);
        Assert.Null(help["participant"]);
        Assert.Equal("ligo", (string?)sync["partner"]!["code"]);
        Assert.Contains("3 nieuw", (string?)sync["summary"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_waiting_for_confirmation_and_a_quarantined_plug_in_are_told_in_Dutch_without_the_error()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await client.SubscribeAsync("sync", "subscription { partnerSyncCompleted { kind summary partner { code } } }");
        var vdab = await PartnerSyncClient.ForAsync(api, "vdab");
        var now = api.Clock.GetUtcNow().UtcDateTime;
        SyncRunReport Run(string outcome, string error) => new()
        {
            PartnerCode = "vdab",
            PluginName = "Digibank.Plugins.Vdab",
            StartedAt = Timestamp.FromDateTime(now.AddSeconds(-2)),
            FinishedAt = Timestamp.FromDateTime(now),
            Outcome = outcome,
            Error = error,
            OffersCreated = 2,
        };

        await vdab.Sync.ReportSyncRunAsync(Run("NEEDS_CONFIRMATION", string.Empty), vdab.Headers);
        var held = (await client.NextAsync("sync"))["payload"]!["data"]!["partnerSyncCompleted"]!;
        await vdab.Sync.ReportSyncRunAsync(Run("QUARANTINED", "Stopped after 3 crashes in a row. Last: /srv/vdab/opleidingen.json"), vdab.Headers);
        var quarantined = (await client.NextAsync("sync"))["payload"]!["data"]!["partnerSyncCompleted"]!;

        Assert.Equal("vdab", (string?)held["partner"]!["code"]);
        Assert.Contains("wacht op bevestiging", (string?)held["summary"], StringComparison.Ordinal);
        Assert.Contains("2 nieuw", (string?)held["summary"], StringComparison.Ordinal);
        Assert.Contains("in quarantaine", (string?)quarantined["summary"], StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/vdab", (string?)quarantined["summary"], StringComparison.Ordinal);
    }
}
