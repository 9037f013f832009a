using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Partners;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Regions;
using Digibank.Partners.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Sync;

/// <summary>
/// A partner registered once for the regions it publishes in: one snapshot spans them, each offer lands in its place's
/// region, an offer in a region it is not registered for is refused on its own, and the mass-withdrawal guard counts
/// region by region.
/// </summary>
public sealed class PartnersAcrossRegionsTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Confirm = """
        mutation ($input: ConfirmPartnerWithdrawalInput!) {
          confirmPartnerWithdrawal(input: $input) { withdrawn errors { ... on Error { code message } } }
        }
        """;

    private const string Held = """
        query ($code: String) { partners(where: { code: { eq: $code } }) { nodes { heldWithdrawal { coursesToWithdraw activeCourses reason } } } }
        """;

    [Fact]
    public async Task One_snapshot_spanning_two_regions_puts_each_course_in_its_places_region()
    {
        var neighbour = await NeighbourRegion.OfAsync(api);
        var partner = await RegisterAsync("digipunt-west", "poperinge", NeighbourRegion.Code);

        var summary = await partner.UploadAsync([
            PartnerSyncClient.Offer("WEST-POP"),
            PartnerSyncClient.Offer("WEST-IEP", helpPoint: NeighbourRegion.LibraryName),
            VenueOffer("WEST-ZON", "Zonnebeke"),
        ]);

        Assert.Empty(summary.Rejected);
        Assert.Equal(3, summary.Created);
        Assert.Equal(
            [("WEST-IEP", neighbour.RegionId), ("WEST-POP", Region.FirstRegionId), ("WEST-ZON", neighbour.RegionId)],
            await RegionsOfAsync("digipunt-west"));
    }

    [Fact]
    public async Task An_offer_in_a_region_the_partner_is_not_registered_for_is_rejected_with_its_reason_and_the_rest_applies()
    {
        await NeighbourRegion.OfAsync(api);
        var ligo = await PartnerSyncClient.ForAsync(api, "ligo");

        var summary = await ligo.UploadAsync(
            [PartnerSyncClient.Offer("LIGO-HERE"), PartnerSyncClient.Offer("LIGO-THERE", helpPoint: NeighbourRegion.LibraryName), VenueOffer("LIGO-ZON", "Zonnebeke")],
            UploadMode.Delta);

        Assert.Equal(1, summary.Created);
        Assert.Equal(["LIGO-THERE", "LIGO-ZON"], summary.Rejected.Select(r => r.ExternalId));
        Assert.All(summary.Rejected, rejected => Assert.Equal("The place lies in region 'ieper', where this partner does not publish; its regions: poperinge.", rejected.Reason));
        await using var db = api.CreateDbContext();
        Assert.True(await db.Courses.AnyAsync(c => c.ExternalId == "LIGO-HERE" && c.Partner!.Code == "ligo"));
        Assert.False(await db.Courses.AnyAsync(c => c.ExternalId == "LIGO-THERE" || c.ExternalId == "LIGO-ZON"));
    }

    [Fact]
    public async Task A_snapshot_that_loses_most_of_one_regions_courses_is_held_there_while_the_other_regions_part_applies()
    {
        var neighbour = await NeighbourRegion.OfAsync(api);
        var partner = await RegisterAsync("grens-vzw", "poperinge", NeighbourRegion.Code);
        await partner.UploadAsync([.. Offers("GRENS-POP", 4, "Bibliotheek Poperinge"), .. Offers("GRENS-IEP", 4, NeighbourRegion.LibraryName)]);

        // One of four in Poperinge goes (25 %); three of four in Ieper would go (75 %).
        var summary = await partner.UploadAsync([.. Offers("GRENS-POP", 3, "Bibliotheek Poperinge"), .. Offers("GRENS-IEP", 1, NeighbourRegion.LibraryName)]);

        Assert.True(summary.WithdrawalHeld);
        Assert.Equal((1, 3, 8), (summary.Withdrawn, summary.WithdrawalsHeld, summary.ActiveBefore));
        Assert.StartsWith("In region 'ieper': The snapshot would withdraw 3 of the partner's 4 active offers (75 %)", summary.WithdrawalHeldReason, StringComparison.Ordinal);
        Assert.Equal((3, 4), (await ActiveAsync("GRENS-POP"), await ActiveAsync("GRENS-IEP")));
        await using (var db = api.CreateDbContext())
        {
            var hold = await db.WithdrawalHolds.Include(h => h.Courses).SingleAsync(h => h.Partner!.Code == "grens-vzw");
            Assert.Equal((neighbour.RegionId, 3, 4, 3), (hold.RegionId, hold.CoursesToWithdraw, hold.ActiveCourses, hold.Courses.Count));
        }

        // Each region's coordinator sees and confirms their own region's hold only.
        var partnerId = new { input = new { partnerId = await PartnerIdAsync("grens-vzw") } };
        var demoView = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Held, new { code = "grens-vzw" });
        var ieperView = await neighbour.Coordinator(api).QueryAsync(Held, new { code = "grens-vzw" });
        var demoConfirms = (await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Confirm, partnerId))["confirmPartnerWithdrawal"]!;
        Assert.Null(demoView["partners"]!["nodes"]![0]!["heldWithdrawal"]);
        Assert.Equal(3, (int)ieperView["partners"]!["nodes"]![0]!["heldWithdrawal"]!["coursesToWithdraw"]!);
        Assert.Equal("NOT_ALLOWED", (string?)demoConfirms["errors"]![0]!["code"]);
        Assert.Equal(4, await ActiveAsync("GRENS-IEP"));

        var ieperConfirms = (await neighbour.Coordinator(api).QueryAsync(Confirm, partnerId))["confirmPartnerWithdrawal"]!;

        Assert.Empty(ieperConfirms["errors"]!.AsArray());
        Assert.Equal(3, (int)ieperConfirms["withdrawn"]!);
        Assert.Equal((3, 1), (await ActiveAsync("GRENS-POP"), await ActiveAsync("GRENS-IEP")));
    }

    [Fact]
    public async Task A_snapshot_that_lists_a_regions_courses_again_clears_that_regions_hold_only()
    {
        await NeighbourRegion.OfAsync(api);
        var partner = await RegisterAsync("twee-streken", "poperinge", NeighbourRegion.Code);
        await partner.UploadAsync([.. Offers("STREEK-POP", 2, "Bibliotheek Poperinge"), .. Offers("STREEK-IEP", 2, NeighbourRegion.LibraryName)]);
        var bothHeld = await partner.UploadAsync([]);

        var ieperBack = await partner.UploadAsync([.. Offers("STREEK-IEP", 2, NeighbourRegion.LibraryName)]);

        Assert.Equal((true, 4), (bothHeld.WithdrawalHeld, bothHeld.WithdrawalsHeld));
        Assert.Equal((true, 2, 0), (ieperBack.WithdrawalHeld, ieperBack.WithdrawalsHeld, ieperBack.Withdrawn));
        Assert.StartsWith("In region 'poperinge':", ieperBack.WithdrawalHeldReason, StringComparison.Ordinal);
        await using var db = api.CreateDbContext();
        Assert.Equal([Region.FirstRegionId], await db.WithdrawalHolds.Where(h => h.Partner!.Code == "twee-streken").Select(h => h.RegionId).ToListAsync());
    }

    [Fact]
    public async Task Registering_names_known_regions_and_a_partner_without_any_needs_them_once_there_are_several()
    {
        await NeighbourRegion.OfAsync(api);
        await using var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var regions = await api.Services.GetRequiredService<IRegionCodes>().AllAsync(CancellationToken.None);

        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => new PartnerRegistration("nieuw", ["poperinge", "gent"], "Nieuw", PartnerKind.Library).ApplyAsync(db, regions, CancellationToken.None));
        var noRegions = await Assert.ThrowsAsync<InvalidOperationException>(() => new PartnerRegistration("nieuw", null, "Nieuw", PartnerKind.Library).ApplyAsync(db, regions, CancellationToken.None));
        var noName = await Assert.ThrowsAsync<InvalidOperationException>(() => new PartnerRegistration("nieuw", ["poperinge"]).ApplyAsync(db, regions, CancellationToken.None));
        var onlyIeper = await new PartnerRegistration("vdab", [NeighbourRegion.Code]).ApplyAsync(db, regions, CancellationToken.None);
        var keeps = await new PartnerRegistration("bib-vleteren").ApplyAsync(db, regions, CancellationToken.None);

        Assert.Contains("'gent'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("--regions", noRegions.Message, StringComparison.Ordinal);
        Assert.Contains("--name and --kind", noName.Message, StringComparison.Ordinal);
        Assert.Equal([regions[NeighbourRegion.Code]], onlyIeper.Regions.Select(r => r.RegionId));
        Assert.Equal([Region.FirstRegionId], keeps.Regions.Select(r => r.RegionId));
    }

    private async Task<PartnerSyncClient> RegisterAsync(string code, params string[] regionCodes)
    {
        await using (var db = api.CreateDbContext())
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            var regions = await api.Services.GetRequiredService<IRegionCodes>().AllAsync(CancellationToken.None);
            await new PartnerRegistration(code, regionCodes, $"Partner {code}", PartnerKind.SocialOrganisation).ApplyAsync(db, regions, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        return await PartnerSyncClient.ForAsync(api, code);
    }

    private static IEnumerable<CourseOffer> Offers(string prefix, int count, string helpPoint) =>
        Enumerable.Range(1, count).Select(i => PartnerSyncClient.Offer($"{prefix}-{i}", helpPoint: helpPoint));

    private static CourseOffer VenueOffer(string externalId, string town)
    {
        var offer = PartnerSyncClient.Offer(externalId);
        offer.HelpPointName = string.Empty;
        offer.VenueName = "Ontmoetingscentrum";
        offer.Municipality = town;
        return offer;
    }

    private async Task<List<(string, int)>> RegionsOfAsync(string partnerCode)
    {
        await using var db = api.CreateDbContext();
        var courses = await db.Courses.Where(c => c.Partner!.Code == partnerCode).OrderBy(c => c.ExternalId).Select(c => new { c.ExternalId, c.RegionId }).ToListAsync();
        return [.. courses.Select(c => (c.ExternalId, c.RegionId))];
    }

    private async Task<int> ActiveAsync(string prefix)
    {
        await using var db = api.CreateDbContext();
        return await db.Courses.CountAsync(c => c.ExternalId.StartsWith(prefix + "-") && c.Status != CourseStatus.Withdrawn);
    }

    private async Task<string> PartnerIdAsync(string partnerCode)
    {
        await using var db = api.CreateDbContext();
        return GlobalId.Encode(PartnerType.TypeName, (await db.Partners.SingleAsync(p => p.Code == partnerCode)).Id);
    }
}
