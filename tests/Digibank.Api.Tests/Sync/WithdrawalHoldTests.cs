using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Partners;
using Digibank.Api.Staff;
using Digibank.Partners.V1;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Sync;

/// <summary>A valid but wrong export (empty, truncated, every id changed) does not empty a partner's catalogue on its own.</summary>
public sealed class WithdrawalHoldTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Confirm = """
        mutation ($input: ConfirmPartnerWithdrawalInput!) {
          confirmPartnerWithdrawal(input: $input) { partner { code } withdrawn errors { __typename ... on Error { code message } } }
        }
        """;

    private const string Held = """
        query ($code: String) { partners(where: { code: { eq: $code } }) { nodes { heldWithdrawal { heldAt coursesToWithdraw activeCourses reason } } } }
        """;

    [Fact]
    public async Task An_empty_snapshot_is_held_and_withdraws_nothing()
    {
        var town = await PartnerSyncClient.ForAsync(api, "gemeente-vleteren");
        var before = await ActiveAsync("gemeente-vleteren");

        var summary = await town.UploadAsync([]);

        Assert.True(before > 0);
        Assert.True(summary.WithdrawalHeld);
        Assert.Equal((0, before, before), (summary.Withdrawn, summary.WithdrawalsHeld, summary.ActiveBefore));
        Assert.Contains("no offer", summary.WithdrawalHeldReason, StringComparison.Ordinal);
        Assert.Equal(before, await ActiveAsync("gemeente-vleteren"));
        await using var db = api.CreateDbContext();
        var hold = await db.WithdrawalHolds.Include(h => h.Courses).SingleAsync(h => h.Partner!.Code == "gemeente-vleteren");
        Assert.Equal((before, before, before), (hold.CoursesToWithdraw, hold.ActiveCourses, hold.Courses.Count));
    }

    [Fact]
    public async Task A_snapshot_that_would_withdraw_60_percent_is_held_with_its_figures_and_its_new_and_changed_offers_go_in()
    {
        var mesen = await SeedAsync("stad-mesen", "SIXTY", 10);

        var summary = await mesen.UploadAsync([
            PartnerSyncClient.Offer("SIXTY-1", title: "Tablet voor beginners (nieuw)"),
            .. Offers("SIXTY", 2, 4),
            PartnerSyncClient.Offer("SIXTY-11"),
        ]);

        Assert.True(summary.WithdrawalHeld);
        Assert.Equal((6, 10, 0), (summary.WithdrawalsHeld, summary.ActiveBefore, summary.Withdrawn));
        Assert.Equal((1, 1, 3), (summary.Created, summary.Updated, summary.Unchanged));
        Assert.Contains("6 of the partner's 10 active offers (60 %)", summary.WithdrawalHeldReason, StringComparison.Ordinal);
        Assert.Contains("50 %", summary.WithdrawalHeldReason, StringComparison.Ordinal);
        Assert.Equal(11, await ActiveAsync("stad-mesen"));
        await using var db = api.CreateDbContext();
        Assert.Equal("Tablet voor beginners (nieuw)", (await db.Courses.SingleAsync(c => c.ExternalId == "SIXTY-1")).Title);
    }

    [Fact]
    public async Task A_snapshot_that_withdraws_40_percent_goes_ahead()
    {
        var heuvelland = await SeedAsync("gemeente-heuvelland", "FORTY", 10);

        var summary = await heuvelland.UploadAsync(Offers("FORTY", 1, 6));

        Assert.False(summary.WithdrawalHeld);
        Assert.Equal((4, 0, 10), (summary.Withdrawn, summary.WithdrawalsHeld, summary.ActiveBefore));
        Assert.Empty(summary.WithdrawalHeldReason);
        Assert.Equal(6, await ActiveAsync("gemeente-heuvelland"));
        await using var db = api.CreateDbContext();
        Assert.False(await db.WithdrawalHolds.AnyAsync(h => h.Partner!.Code == "gemeente-heuvelland"));
    }

    [Fact]
    public async Task With_allow_mass_withdrawal_an_empty_snapshot_withdraws_every_course()
    {
        var library = await PartnerSyncClient.ForAsync(api, "bib-vleteren");
        var before = await ActiveAsync("bib-vleteren");

        var summary = await library.UploadAsync([], allowMassWithdrawal: true);

        Assert.False(summary.WithdrawalHeld);
        Assert.Equal((before, before), (summary.Withdrawn, summary.ActiveBefore));
        Assert.Equal(0, await ActiveAsync("bib-vleteren"));
    }

    [Fact]
    public async Task The_same_export_sent_again_stays_held_though_its_new_offers_make_the_share_look_small()
    {
        var intro = await SeedAsync("groep-intro", "OLD-ID", 4);
        // The partner's system renumbered everything: the same courses under new ids.
        var renumbered = Offers("NEW-ID", 1, 4);

        var first = await intro.UploadAsync(renumbered);
        var heldAt = await HeldAtAsync("groep-intro");
        api.Clock.Current = api.Clock.Current.AddMinutes(1);
        var again = await intro.UploadAsync(renumbered);
        api.Clock.Current = DigibankApiFactory.Now;

        Assert.True(first.WithdrawalHeld);
        Assert.Equal((4, 4, 4), (first.Created, first.WithdrawalsHeld, first.ActiveBefore));
        // 4 of 8 is not more than half, but those 4 are the ones a coordinator has not confirmed yet.
        Assert.True(again.WithdrawalHeld);
        Assert.Equal((0, 4, 8), (again.Withdrawn, again.WithdrawalsHeld, again.ActiveBefore));
        Assert.Contains("waiting for a coordinator", again.WithdrawalHeldReason, StringComparison.Ordinal);
        Assert.Equal(8, await ActiveAsync("groep-intro"));
        Assert.Equal(heldAt, await HeldAtAsync("groep-intro"));
    }

    [Fact]
    public async Task A_later_snapshot_that_lists_the_courses_again_clears_the_hold()
    {
        var lovie = await SeedAsync("de-lovie", "BACK", 4);
        var truncated = await lovie.UploadAsync(Offers("BACK", 1, 1));
        var whileHeld = await HeldWithdrawalAsync("de-lovie");

        var complete = await lovie.UploadAsync(Offers("BACK", 1, 4));

        Assert.True(truncated.WithdrawalHeld);
        Assert.Equal((3, 4), ((int)whileHeld!["coursesToWithdraw"]!, (int)whileHeld["activeCourses"]!));
        Assert.Equal(DigibankApiFactory.Now.UtcDateTime, (DateTime)whileHeld["heldAt"]!);
        Assert.False(complete.WithdrawalHeld);
        Assert.Equal((0, 4), (complete.Withdrawn, complete.Unchanged));
        Assert.Null(await HeldWithdrawalAsync("de-lovie"));
        Assert.Equal(4, await ActiveAsync("de-lovie"));
        await using var db = api.CreateDbContext();
        Assert.Equal(0, await db.HeldCourses.CountAsync(h => db.Set<Course>().Any(c => c.Id == h.CourseId && c.Partner!.Code == "de-lovie")));
    }

    [Fact]
    public async Task The_coordinator_confirms_a_hold_and_the_courses_go_exactly_as_an_allowed_snapshot_takes_them()
    {
        // Two partners in the same state; one withdraws on purpose, the other's withdrawal is held and confirmed.
        var direct = await SeedWithSignUpsAsync("pom-west-vlaanderen", "ALLOWED");
        var confirmed = await SeedWithSignUpsAsync("dvv-westhoek", "CONFIRMED");
        var allowed = await direct.UploadAsync(Offers("ALLOWED", 1, 1), allowMassWithdrawal: true);
        var held = await confirmed.UploadAsync(Offers("CONFIRMED", 1, 1));
        // A held course the partner removes itself in the meantime is not withdrawn twice.
        await confirmed.UploadAsync([], UploadMode.Delta, removals: ["CONFIRMED-2"]);
        var coordinator = api.CreateStaffClient(StaffRole.Coordinator);

        var payload = (await coordinator.QueryAsync(Confirm, new { input = new { partnerId = await PartnerIdAsync("dvv-westhoek") } }))["confirmPartnerWithdrawal"]!;
        var again = (await coordinator.QueryAsync(Confirm, new { input = new { partnerId = await PartnerIdAsync("dvv-westhoek") } }))["confirmPartnerWithdrawal"]!;

        Assert.Equal(3, allowed.Withdrawn);
        Assert.Equal((true, 3), (held.WithdrawalHeld, held.WithdrawalsHeld));
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(("dvv-westhoek", 2), ((string?)payload["partner"]!["code"], (int)payload["withdrawn"]!));
        Assert.Equal("NO_HELD_WITHDRAWAL", (string?)again["errors"]![0]!["code"]);
        Assert.Null(await HeldWithdrawalAsync("dvv-westhoek"));
        Assert.Equal(await CourseStatesAsync("ALLOWED"), await CourseStatesAsync("CONFIRMED"));
        Assert.Equal(await SignUpStatesAsync("ALLOWED-3"), await SignUpStatesAsync("CONFIRMED-3"));
        Assert.Equal(await SignUpOnPlatformAsync("ALLOWED-3"), await SignUpOnPlatformAsync("CONFIRMED-3"));
        Assert.Equal("NOT_FOUND", await SignUpOnPlatformAsync("CONFIRMED-3"));
        await using var db = api.CreateDbContext();
        Assert.False(await db.WithdrawalHolds.AnyAsync(h => h.Partner!.Code == "dvv-westhoek"));
        Assert.Equal(0, await db.HeldCourses.CountAsync(h => db.Set<Course>().Any(c => c.Id == h.CourseId && c.Partner!.Code == "dvv-westhoek")));
    }

    [Fact]
    public async Task Only_the_coordinator_confirms_and_only_staff_see_the_hold()
    {
        var town = await SeedAsync("stad-poperinge", "ONLY", 4);
        await town.UploadAsync(Offers("ONLY", 1, 1));
        var input = new { input = new { partnerId = await PartnerIdAsync("stad-poperinge") } };

        var staff = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").QueryAsync(Confirm, input);
        var digibuddy = await api.CreateStaffClient(StaffRole.Digibuddy).QueryAsync(Confirm, input);
        var anonymous = await api.CreateGraphQLClient().PostAsync(Confirm, input);
        var publicView = await api.CreateGraphQLClient().QueryAsync(Held, new { code = "stad-poperinge" });
        var staffView = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").QueryAsync(Held, new { code = "stad-poperinge" });

        Assert.Equal("NOT_ALLOWED", (string?)staff["confirmPartnerWithdrawal"]!["errors"]![0]!["code"]);
        Assert.Null(staff["confirmPartnerWithdrawal"]!["withdrawn"]);
        Assert.Equal("NOT_ALLOWED", (string?)digibuddy["confirmPartnerWithdrawal"]!["errors"]![0]!["code"]);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Null(publicView["partners"]!["nodes"]![0]!["heldWithdrawal"]);
        Assert.Equal(3, (int)staffView["partners"]!["nodes"]![0]!["heldWithdrawal"]!["coursesToWithdraw"]!);
        Assert.Equal(4, await ActiveAsync("stad-poperinge"));
    }

    [Fact]
    public async Task Confirming_for_an_unknown_partner_or_a_partner_without_a_hold_changes_nothing()
    {
        var coordinator = api.CreateStaffClient(StaffRole.Coordinator);

        var unknown = await coordinator.QueryAsync(Confirm, new { input = new { partnerId = GlobalId.Encode(PartnerType.TypeName, 99_999) } });
        var notAPartner = await coordinator.QueryAsync(Confirm, new { input = new { partnerId = GlobalId.Encode(CourseType.TypeName, 1) } });
        var nothingHeld = await coordinator.QueryAsync(Confirm, new { input = new { partnerId = await PartnerIdAsync("bib-poperinge") } });

        Assert.Equal("NOT_FOUND", (string?)unknown["confirmPartnerWithdrawal"]!["errors"]![0]!["code"]);
        Assert.Equal("INVALID_INPUT", (string?)notAPartner["confirmPartnerWithdrawal"]!["errors"]![0]!["code"]);
        Assert.Equal("NO_HELD_WITHDRAWAL", (string?)nothingHeld["confirmPartnerWithdrawal"]!["errors"]![0]!["code"]);
    }

    private static IEnumerable<CourseOffer> Offers(string prefix, int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(i => PartnerSyncClient.Offer($"{prefix}-{i}"));

    /// <summary>A partner whose active courses are exactly <paramref name="count"/> offers of its own, its demo courses withdrawn.</summary>
    private Task<PartnerSyncClient> SeedAsync(string partnerCode, string prefix, int count) => SeedAsync(partnerCode, Offers(prefix, 1, count));

    private async Task<PartnerSyncClient> SeedAsync(string partnerCode, IEnumerable<CourseOffer> offers)
    {
        var partner = await PartnerSyncClient.ForAsync(api, partnerCode);
        var seeded = await partner.UploadAsync(offers, allowMassWithdrawal: true);
        Assert.Equal(seeded.Created, await ActiveAsync(partnerCode));
        return partner;
    }

    /// <summary>Four courses; the third has two seats, taken by the partner's sign-ups, and one person on its waiting list.</summary>
    private async Task<PartnerSyncClient> SeedWithSignUpsAsync(string partnerCode, string prefix)
    {
        var partner = await SeedAsync(partnerCode, [.. Offers(prefix, 1, 2), PartnerSyncClient.Offer($"{prefix}-3", capacity: 2), .. Offers(prefix, 4, 4)]);
        var signUps = await partner.UploadSignUpsAsync([.. new[] { "Anna", "Bert", "Chris" }.Select(name => new PartnerSignUp
        {
            ExternalId = $"{prefix}-{name}",
            CourseExternalId = $"{prefix}-3",
            FirstName = name,
            Email = $"{prefix.ToLowerInvariant()}-{name.ToLowerInvariant()}@example.com",
            Municipality = "Poperinge",
            TargetGroup = "SENIORS",
        })]);
        Assert.Equal(3, signUps.Created);
        return partner;
    }

    private async Task<int> ActiveAsync(string partnerCode)
    {
        await using var db = api.CreateDbContext();
        return await db.Courses.CountAsync(c => c.Partner!.Code == partnerCode && c.Status != CourseStatus.Withdrawn);
    }

    private async Task<DateTime> HeldAtAsync(string partnerCode)
    {
        await using var db = api.CreateDbContext();
        return await db.WithdrawalHolds.Where(h => h.Partner!.Code == partnerCode).Select(h => h.HeldAt).SingleAsync();
    }

    private async Task<string> PartnerIdAsync(string partnerCode)
    {
        await using var db = api.CreateDbContext();
        return GlobalId.Encode(PartnerType.TypeName, (await db.Partners.SingleAsync(p => p.Code == partnerCode)).Id);
    }

    private async Task<JsonNode?> HeldWithdrawalAsync(string partnerCode) =>
        (await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Held, new { code = partnerCode }))["partners"]!["nodes"]![0]!["heldWithdrawal"];

    /// <summary>Each course of the partner's own offer by its number, with its status: the same for two partners treated alike.</summary>
    private async Task<List<(string, CourseStatus)>> CourseStatesAsync(string prefix)
    {
        await using var db = api.CreateDbContext();
        var courses = await db.Courses.Where(c => c.ExternalId.StartsWith(prefix + "-")).Select(c => new { c.ExternalId, c.Status }).ToListAsync();
        return [.. courses.Select(c => (c.ExternalId[(prefix.Length + 1)..], c.Status)).Order()];
    }

    private async Task<List<(SignUpStatus, int?)>> SignUpStatesAsync(string courseExternalId)
    {
        await using var db = api.CreateDbContext();
        var signUps = await db.SignUps.Where(s => s.Course!.ExternalId == courseExternalId).OrderBy(s => s.Id)
            .Select(s => new { s.Status, s.WaitlistPosition }).ToListAsync();
        return [.. signUps.Select(s => (s.Status, s.WaitlistPosition))];
    }

    /// <summary>What a resident gets who signs up on the platform: the error code, or "OK".</summary>
    private async Task<string> SignUpOnPlatformAsync(string courseExternalId)
    {
        await using var db = api.CreateDbContext();
        var courseId = GlobalId.Encode(CourseType.TypeName, (await db.Courses.SingleAsync(c => c.ExternalId == courseExternalId)).Id);
        var data = await api.CreateGraphQLClient().QueryAsync(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }",
            new { input = new { courseId, firstName = "Dirk", email = $"dirk-{Guid.NewGuid():N}@example.com", municipalityId = await Courses.TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true } });
        return (string?)data["signUpForCourse"]!["errors"]!.AsArray().FirstOrDefault()?["code"] ?? "OK";
    }
}
