using System.Diagnostics;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Participants;
using Digibank.Api.Partners;
using Digibank.Api.Staff;
using Digibank.Api.Sync;
using Digibank.Api.Testing;
using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Digibank.Api.Tests.Sync;

/// <summary>Malformed fields, large partners and large uploads: each record is judged on its own, and size never turns into UNKNOWN.</summary>
public sealed class PartnerUploadLimitsTests(DigibankApiFactory api, ITestOutputHelper output) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public async Task Each_malformed_time_rejects_its_own_record_and_the_others_go_in()
    {
        var ligo = await PartnerSyncClient.ForAsync(api, "ligo");
        var farFuture = PartnerSyncClient.Offer("TIME-SECONDS");
        farFuture.Sessions[0].StartsAt = new Timestamp { Seconds = 999_999_999_999 };
        var negativeNanos = PartnerSyncClient.Offer("TIME-NEGATIVE-NANOS");
        negativeNanos.Sessions[0].StartsAt.Nanos = -5;
        var tooManyNanos = PartnerSyncClient.Offer("TIME-BIG-NANOS");
        tooManyNanos.Sessions[0].EndsAt.Nanos = 1_000_000_000;
        var backwards = PartnerSyncClient.Offer("TIME-BACKWARDS");
        backwards.Sessions[0].EndsAt = Timestamp.FromDateTime(backwards.Sessions[0].StartsAt.ToDateTime().AddHours(-1));
        var deadline1999 = PartnerSyncClient.Offer("TIME-DEADLINE-1999");
        deadline1999.SignUpDeadline = Timestamp.FromDateTime(new DateTime(1999, 12, 31, 0, 0, 0, DateTimeKind.Utc));
        var deadline2101 = PartnerSyncClient.Offer("TIME-DEADLINE-2101");
        deadline2101.SignUpDeadline = Timestamp.FromDateTime(new DateTime(2101, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        var badDeadlineNanos = PartnerSyncClient.Offer("TIME-DEADLINE-NANOS");
        badDeadlineNanos.SignUpDeadline.Nanos = -1;

        var summary = await ligo.UploadAsync(
            [PartnerSyncClient.Offer("TIME-GOOD-1"), farFuture, negativeNanos, tooManyNanos, backwards, deadline1999, deadline2101, badDeadlineNanos, PartnerSyncClient.Offer("TIME-GOOD-2")],
            UploadMode.Delta);

        Assert.Equal(2, summary.Created);
        var reasons = summary.Rejected.ToDictionary(r => r.ExternalId, r => r.Reason);
        Assert.Equal(7, reasons.Count);
        Assert.Contains("starts_at", reasons["TIME-SECONDS"]);
        Assert.Contains("starts_at", reasons["TIME-NEGATIVE-NANOS"]);
        Assert.Contains("ends_at", reasons["TIME-BIG-NANOS"]);
        Assert.Contains("session", reasons["TIME-BACKWARDS"]);
        Assert.Contains("sign_up_deadline", reasons["TIME-DEADLINE-1999"]);
        Assert.Contains("sign_up_deadline", reasons["TIME-DEADLINE-2101"]);
        Assert.Contains("sign_up_deadline", reasons["TIME-DEADLINE-NANOS"]);
        await using var db = api.CreateDbContext();
        Assert.Equal(2, await db.Courses.CountAsync(c => c.ExternalId.StartsWith("TIME-")));
    }

    public static TheoryData<string, long, int, long, int> BadRunTimes => new()
    {
        { "started seconds out of range", 999_999_999_999, 0, 1_780_000_000, 0 },
        { "finished seconds out of range", 1_780_000_000, 0, -999_999_999_999, 0 },
        { "negative nanos", 1_780_000_000, -5, 1_780_000_010, 0 },
        { "nanos of a whole second", 1_780_000_000, 0, 1_780_000_010, 1_000_000_000 },
        { "finished before started", 1_780_000_010, 0, 1_780_000_000, 0 },
        { "finished in year 1 after starting in 9999", 253_402_300_000, 0, -62_135_596_800, 0 },
        { "both in year 1", -62_135_596_800, 0, -62_135_596_700, 0 },
        { "both in year 9999", 253_402_300_000, 0, 253_402_300_100, 0 },
    };

    [Theory]
    [MemberData(nameof(BadRunTimes))]
    public async Task A_run_report_with_impossible_times_is_an_invalid_argument(string because, long startedSeconds, int startedNanos, long finishedSeconds, int finishedNanos)
    {
        var dvv = await PartnerSyncClient.ForAsync(api, "dvv-westhoek");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await dvv.Sync.ReportSyncRunAsync(new SyncRunReport
        {
            PartnerCode = "dvv-westhoek",
            PluginName = "Digibank.Plugins.Dvv",
            StartedAt = new Timestamp { Seconds = startedSeconds, Nanos = startedNanos },
            FinishedAt = new Timestamp { Seconds = finishedSeconds, Nanos = finishedNanos },
            Outcome = "SUCCEEDED",
        }, dvv.Headers));

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{because}: {error.StatusCode} {error.Status.Detail}");
        Assert.False(string.IsNullOrWhiteSpace(error.Status.Detail));
    }

    [Fact]
    public async Task A_snapshot_of_a_partner_with_40000_courses_withdraws_the_ones_it_no_longer_lists()
    {
        var vdab = await PartnerSyncClient.ForAsync(api, "vdab");
        await vdab.UploadAsync([PartnerSyncClient.Offer("MANY-SEED")], allowMassWithdrawal: true);
        await using (var db = api.CreateDbContext())
        {
            await CourseCopies.CopyAsync(db, "MANY-SEED", "MANY-OLD-", 40000);
        }

        var stopwatch = Stopwatch.StartNew();
        var summary = await vdab.UploadAsync(Enumerable.Range(1, 1000).Select(i => PartnerSyncClient.Offer($"MANY-NEW-{i}")), allowMassWithdrawal: true);
        output.WriteLine($"snapshot of 1,000 over 40,001 courses: {stopwatch.Elapsed.TotalSeconds:F2} s");

        Assert.Equal(1000, summary.Created);
        Assert.Equal(40_001, summary.Withdrawn);
        await using var check = api.CreateDbContext();
        Assert.Equal(1000, await check.Courses.CountAsync(c => c.Partner!.Code == "vdab" && c.Status != CourseStatus.Withdrawn));
    }

    [Fact]
    public async Task A_snapshot_of_100000_offers_replaces_a_catalogue_of_50000()
    {
        var mesen = await PartnerSyncClient.ForAsync(api, "stad-mesen");
        var stopwatch = Stopwatch.StartNew();
        var seeded = await mesen.UploadAsync(Enumerable.Range(1, 50_000).Select(i => PartnerSyncClient.Offer($"CATALOGUE-OLD-{i}")), allowMassWithdrawal: true, batchSize: 1000);
        var seeding = stopwatch.Elapsed;

        stopwatch.Restart();
        var summary = await mesen.UploadAsync(Enumerable.Range(1, 100_000).Select(i => PartnerSyncClient.Offer($"CATALOGUE-NEW-{i}")), allowMassWithdrawal: true, batchSize: 1000);
        output.WriteLine($"50,000 offers in batches of 1,000: {seeding.TotalSeconds:F1} s; a snapshot of 100,000 other offers over them: {stopwatch.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(50_000, seeded.Created);
        Assert.Empty(summary.Rejected);
        Assert.False(summary.WithdrawalHeld);
        Assert.Equal((100_000, 50_000, 50_000), (summary.Created, summary.Withdrawn, summary.ActiveBefore));
        await using var db = api.CreateDbContext();
        var statuses = await db.Courses.Where(c => c.Partner!.Code == "stad-mesen" && c.ExternalId.StartsWith("CATALOGUE-"))
            .GroupBy(c => c.Status == CourseStatus.Withdrawn).Select(g => new { Withdrawn = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Withdrawn, g => g.Count);
        Assert.Equal(100_000, statuses[false]);
        Assert.Equal(50_000, statuses[true]);
        Assert.False(await db.Courses.AnyAsync(c => c.ExternalId.StartsWith("CATALOGUE-OLD-") && c.Status != CourseStatus.Withdrawn));
    }

    [Fact]
    public async Task A_held_withdrawal_of_50000_courses_is_kept_once_and_confirmed_in_one_request()
    {
        var vleteren = await PartnerSyncClient.ForAsync(api, "gemeente-vleteren");
        await vleteren.UploadAsync(Enumerable.Range(1, 50_000).Select(i => PartnerSyncClient.Offer($"HELD-OLD-{i}")), allowMassWithdrawal: true, batchSize: 1000);
        var renumbered = Enumerable.Range(1, 1000).Select(i => PartnerSyncClient.Offer($"HELD-NEW-{i}")).ToList();

        var stopwatch = Stopwatch.StartNew();
        var held = await vleteren.UploadAsync(renumbered, batchSize: 1000);
        var holding = stopwatch.Elapsed;
        stopwatch.Restart();
        var heldAgain = await vleteren.UploadAsync(renumbered, batchSize: 1000);
        var holdingAgain = stopwatch.Elapsed;
        await using var db = api.CreateDbContext();
        var partnerId = await db.Partners.Where(p => p.Code == "gemeente-vleteren").Select(p => p.Id).SingleAsync();
        stopwatch.Restart();
        var confirmed = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(
            "mutation ($input: ConfirmPartnerWithdrawalInput!) { confirmPartnerWithdrawal(input: $input) { withdrawn errors { ... on Error { code } } } }",
            new { input = new { partnerId = GlobalId.Encode(PartnerType.TypeName, partnerId) } });
        output.WriteLine($"holding 50,000: {holding.TotalSeconds:F1} s, again: {holdingAgain.TotalSeconds:F1} s, confirming: {stopwatch.Elapsed.TotalSeconds:F1} s");

        Assert.Equal((true, 50_000, 51_000), (heldAgain.WithdrawalHeld, heldAgain.WithdrawalsHeld, heldAgain.ActiveBefore));
        Assert.Equal((true, 50_000, 50_000), (held.WithdrawalHeld, held.WithdrawalsHeld, held.ActiveBefore));
        Assert.Empty(confirmed["confirmPartnerWithdrawal"]!["errors"]!.AsArray());
        Assert.Equal(50_000, (int)confirmed["confirmPartnerWithdrawal"]!["withdrawn"]!);
        Assert.Equal(1000, await db.Courses.CountAsync(c => c.PartnerId == partnerId && c.Status != CourseStatus.Withdrawn));
        Assert.False(await db.WithdrawalHolds.AnyAsync(h => h.PartnerId == partnerId));
        Assert.Equal(0, await db.HeldCourses.CountAsync(h => db.Set<Course>().Any(c => c.Id == h.CourseId && c.PartnerId == partnerId)));
    }

    [Fact]
    public async Task Four_thousand_sign_ups_on_one_course_fill_it_then_queue_in_order_in_linear_time()
    {
        const int Capacity = 25;
        var lovie = await PartnerSyncClient.ForAsync(api, "de-lovie");
        await lovie.UploadAsync([PartnerSyncClient.Offer("BIG-COURSE", capacity: Capacity)], UploadMode.Delta);
        await lovie.UploadSignUpsAsync([.. SignUps("WARMUP", "BIG-COURSE", 2)]);

        api.SqlStatements.Reset();
        await lovie.UploadSignUpsAsync([.. SignUps("SMALL", "BIG-COURSE", 40)]);
        var smallStatements = api.SqlStatements.Count;
        api.SqlStatements.Reset();
        var summary = await lovie.UploadSignUpsAsync([.. SignUps("LARGE", "BIG-COURSE", 4000)]);
        var largeStatements = api.SqlStatements.Count;
        output.WriteLine($"SQL statements (readers and scalars): 40 records {smallStatements}, 4,000 records {largeStatements}");

        Assert.Equal(4000, summary.Created);
        Assert.Empty(summary.Rejected);
        // Its duration is the signups-upload benchmark's: a wall-clock bound fails on a busy machine, not on slow code.
        // EF Core's SQLite provider sends one INSERT per new row (participant, sign-up); every read beyond those is per upload
        // or per batch (40 records are one batch, 4,000 are 4,000 / SignUpsPerBatch), never per record.
        const int InsertsPerRecord = 2;
        var smallReads = smallStatements - (InsertsPerRecord * 40);
        var largeReads = largeStatements - (InsertsPerRecord * 4000);
        var batches = (int)Math.Ceiling(4000.0 / PartnerSignUpImport.SignUpsPerBatch);
        Assert.True(largeReads <= smallReads * batches, $"Reads grew with the records: {smallReads} for 40, {largeReads} for 4,000 in {batches} batches.");
        await using var db = api.CreateDbContext();
        var signUps = await db.SignUps.Where(s => s.Course!.ExternalId == "BIG-COURSE").OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(4042, signUps.Count);
        Assert.Equal(Capacity, signUps.Count(s => s.Status == SignUpStatus.Confirmed));
        Assert.All(signUps.Take(Capacity), s => Assert.Equal(SignUpStatus.Confirmed, s.Status));
        var waitlist = signUps.Skip(Capacity).ToList();
        Assert.All(waitlist, s => Assert.Equal(SignUpStatus.Waitlisted, s.Status));
        Assert.Equal(Enumerable.Range(1, waitlist.Count), waitlist.Select(s => s.WaitlistPosition ?? 0));
        Assert.Equal(CourseStatus.Full, (await db.Courses.SingleAsync(c => c.ExternalId == "BIG-COURSE")).Status);
    }

    [Fact]
    public async Task A_cancellation_later_in_the_same_upload_moves_up_the_sign_ups_taken_before_it()
    {
        var lovie = await PartnerSyncClient.ForAsync(api, "de-lovie");
        await lovie.UploadAsync([PartnerSyncClient.Offer("ONE-SEAT", capacity: 1)], UploadMode.Delta);
        var records = SignUps("SAME", "ONE-SEAT", 3).ToList();
        var cancellation = records[0].Clone();
        cancellation.Cancelled = true;

        var summary = await lovie.UploadSignUpsAsync([.. records, cancellation]);

        Assert.Equal((3, 1), (summary.Created, summary.Updated));
        await using var db = api.CreateDbContext();
        var statuses = await db.SignUps.Where(s => s.Course!.ExternalId == "ONE-SEAT").OrderBy(s => s.Id).Select(s => new { s.Status, s.WaitlistPosition }).ToListAsync();
        Assert.Equal(
            [(SignUpStatus.Cancelled, (int?)null), (SignUpStatus.Confirmed, null), (SignUpStatus.Waitlisted, 1)],
            statuses.Select(s => (s.Status, s.WaitlistPosition)));
    }

    [Fact]
    public async Task A_cancellation_batches_after_its_sign_up_frees_the_seat_for_the_first_on_the_waiting_list()
    {
        var lovie = await PartnerSyncClient.ForAsync(api, "de-lovie");
        await lovie.UploadAsync([PartnerSyncClient.Offer("FAR-CANCEL", capacity: 1)], UploadMode.Delta);
        var records = SignUps("FAR", "FAR-CANCEL", PartnerSignUpImport.SignUpsPerBatch + 10).ToList();
        var cancellation = records[0].Clone();
        cancellation.Cancelled = true;

        var summary = await lovie.UploadSignUpsAsync([.. records, cancellation]);

        Assert.Equal((records.Count, 1), (summary.Created, summary.Updated));
        await using var db = api.CreateDbContext();
        var signUps = await db.SignUps.Where(s => s.Course!.ExternalId == "FAR-CANCEL").OrderBy(s => s.Id).ToListAsync();
        Assert.Equal((SignUpStatus.Cancelled, SignUpStatus.Confirmed), (signUps[0].Status, signUps[1].Status));
        Assert.Equal(Enumerable.Range(1, records.Count - 2), signUps.Skip(2).Select(s => s.WaitlistPosition ?? 0));
    }

    [Fact]
    public async Task An_upload_sent_again_after_only_its_first_batches_went_in_adds_just_the_rest()
    {
        const int Capacity = 30;
        var lovie = await PartnerSyncClient.ForAsync(api, "de-lovie");
        await lovie.UploadAsync([PartnerSyncClient.Offer("AGAIN", capacity: Capacity)], UploadMode.Delta);
        var records = SignUps("AGAIN", "AGAIN", (PartnerSignUpImport.SignUpsPerBatch * 2) + 50).ToList();
        var cancellation = records[5].Clone();
        cancellation.Cancelled = true;
        PartnerSignUp[] upload = [.. records, cancellation];
        // What a call cancelled after its first batch leaves behind.
        var applied = PartnerSignUpImport.SignUpsPerBatch;
        await lovie.UploadSignUpsAsync(upload[..applied]);

        var summary = await lovie.UploadSignUpsAsync(upload);

        Assert.Equal((records.Count - applied, 1, applied), (summary.Created, summary.Updated, summary.Unchanged));
        await using var db = api.CreateDbContext();
        var signUps = await db.SignUps.Where(s => s.Course!.ExternalId == "AGAIN").OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(records.Select(r => r.ExternalId), signUps.Select(s => s.ExternalId));
        Assert.Equal(records.Count, await db.Participants.CountAsync(p => p.Email!.StartsWith("again-")));
        Assert.Equal(SignUpStatus.Cancelled, signUps[5].Status);
        Assert.Equal(Capacity, signUps.Count(s => s.Status == SignUpStatus.Confirmed));
        Assert.Equal(Enumerable.Range(1, records.Count - Capacity - 1), signUps.Where(s => s.Status == SignUpStatus.Waitlisted).Select(s => s.WaitlistPosition ?? 0));
    }

    [Fact]
    public async Task A_batch_of_more_than_1000_offers_is_an_invalid_argument_that_names_the_limit_and_writes_nothing()
    {
        var intro = await PartnerSyncClient.ForAsync(api, "groep-intro");
        await using var db = api.CreateDbContext();
        var before = await db.Courses.Where(c => c.Partner!.Code == "groep-intro").Select(c => new { c.ExternalId, c.Status }).ToListAsync();

        // A snapshot that, were any of it applied, would add these and withdraw every other course of the partner.
        var offers = Enumerable.Range(1, OfferChecker.MaxOffersPerBatch + 1).Select(i => PartnerSyncClient.Offer($"BATCH-{i}")).ToList();
        var error = await Assert.ThrowsAsync<RpcException>(() => intro.UploadAsync(offers, allowMassWithdrawal: true, batchSize: offers.Count));
        var exactly = await intro.UploadAsync(offers.Take(OfferChecker.MaxOffersPerBatch), UploadMode.Delta, batchSize: OfferChecker.MaxOffersPerBatch);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("at most 1,000 offers", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("1,001", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(OfferChecker.MaxOffersPerBatch, exactly.Created);
        Assert.Equal(
            before.Select(c => (c.ExternalId, c.Status)).OrderBy(c => c.ExternalId),
            (await db.Courses.Where(c => c.Partner!.Code == "groep-intro" && !c.ExternalId.StartsWith("BATCH-")).Select(c => new { c.ExternalId, c.Status }).ToListAsync())
                .Select(c => (c.ExternalId, c.Status)).OrderBy(c => c.ExternalId));
        Assert.Equal(OfferChecker.MaxOffersPerBatch, await db.Courses.CountAsync(c => c.ExternalId.StartsWith("BATCH-")));
    }

    [Fact]
    public async Task A_sign_up_upload_over_the_cap_is_resource_exhausted_and_names_the_limit()
    {
        var pom = await PartnerSyncClient.ForAsync(api, "pom-west-vlaanderen");

        var error = await Assert.ThrowsAsync<RpcException>(() => pom.UploadSignUpsAsync([.. SignUps("CAP", "NO-COURSE", 50_001)]));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("50000", error.Status.Detail);
    }

    private static IEnumerable<PartnerSignUp> SignUps(string prefix, string course, int count) =>
        Enumerable.Range(1, count).Select(i => new PartnerSignUp
        {
            ExternalId = $"{prefix}-{i}",
            CourseExternalId = course,
            FirstName = "Deelnemer",
            Email = $"{prefix.ToLowerInvariant()}-{i}@example.com",
            Municipality = "Poperinge",
            TargetGroup = "SENIORS",
        });
}
