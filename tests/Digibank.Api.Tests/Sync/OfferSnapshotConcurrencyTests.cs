using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Partners;
using Digibank.Api.Staff;
using Digibank.Api.Sync;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.GraphQL.Transport;
using Digibank.Partners.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Sync;

/// <summary>
/// A large snapshot of a partner's offers while residents sign up, while its call is cancelled, when the database
/// refuses one of its later batches, while the coordinator confirms a held withdrawal and while the same partner sends
/// another, on Kestrel on 127.0.0.1: new offers go in batch by batch with the residents' sign-ups between them,
/// withdrawals all at once at the end, and a partner's uploads take turns.
/// </summary>
public sealed class OfferSnapshotConcurrencyTests(LoopbackApiFactory api) : IClassFixture<LoopbackApiFactory>
{
    /// <summary>Offers enough for dozens of batches.</summary>
    private const int SnapshotSize = 10_000;

    private const int Residents = 50;

    private const string SignUp = """
        mutation ($input: SignUpForCourseInput!) {
          signUpForCourse(input: $input) { signUp { status } errors { ... on Error { code message } } }
        }
        """;

    [Fact]
    public async Task Residents_signing_up_while_a_large_snapshot_applies_are_stored_between_its_batches()
    {
        var lovie = await PartnerSyncClient.ForAsync(api, "de-lovie");
        await lovie.UploadAsync(Offers("RESIDENTS-BETWEEN", 5, capacity: 8), UploadMode.Delta);
        var residentCourses = await CourseIdsAsync("RESIDENTS-BETWEEN-");
        var municipalityId = await TestCourses.MunicipalityIdAsync(api);
        var graphQL = api.CreateLoopbackGraphQLClient();
        var signUp = (int person) => graphQL.QueryAsync(SignUp, new
        {
            input = new
            {
                courseId = residentCourses[person % residentCourses.Count],
                firstName = "Inwoner",
                email = $"between-{person}@example.com",
                municipalityId,
                targetGroup = "EVERYONE",
                consent = true,
            },
        });
        var vdab = await PartnerSyncClient.ForAsync(api, "vdab");
        // The API builds its GraphQL schema at its first request, on a busy machine in about the time the whole snapshot
        // takes: a first resident signs up before the snapshot is sent, so the others wait for its batches, not for that.
        await signUp(0);

        var snapshot = vdab.UploadAsync(Offers("BETWEEN", SnapshotSize), allowMassWithdrawal: true, batchSize: 1000);
        // The residents come once the snapshot is being applied: its first offers are in the catalogue.
        await UntilAsync(async () => snapshot.IsCompleted || await CountAsync("BETWEEN-") > 0);
        var residents = await Task.WhenAll(Enumerable.Range(1, Residents).Select(signUp));
        var inWhenTheResidentsWereDone = await CountAsync("BETWEEN-");
        var summary = await snapshot;

        Assert.All(residents, payload => Assert.Empty(payload["signUpForCourse"]!["errors"]!.AsArray()));
        Assert.All(residents, payload => Assert.Contains((string?)payload["signUpForCourse"]!["signUp"]!["status"], new[] { "CONFIRMED", "WAITLISTED" }));
        Assert.Equal(SnapshotSize, summary.Created);
        // The residents did not wait for the whole snapshot: they were stored while only part of it was in.
        Assert.InRange(inWhenTheResidentsWereDone, 1, SnapshotSize - 1);
    }

    [Fact]
    public async Task A_snapshot_withdraws_what_it_no_longer_lists_only_at_its_end()
    {
        const int Old = 100;
        var mesen = await PartnerSyncClient.ForAsync(api, "stad-mesen");
        await mesen.UploadAsync(Offers("END-OLD", Old), allowMassWithdrawal: true);

        var writes = api.Services.GetRequiredService<WriteQueue>();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        // Sampling alone can miss every batch: on a busy machine a sampler may not run again until the snapshot's last
        // batch is in. A writer that holds its turn or waits for the next from before the snapshot is sent gets, in the
        // turn after the snapshot's first batch, a moment between its batches.
        var turn = await writes.WaitAsync(guard.Token);
        var snapshot = mesen.UploadAsync(Offers("END-NEW", SnapshotSize), allowMassWithdrawal: true, batchSize: 1000);
        var seen = new List<(int New, int OldActive)>();
        try
        {
            do
            {
                await Task.Delay(5, guard.Token);
                var next = writes.WaitAsync(guard.Token);
                turn.Dispose();
                turn = await next;
                seen.Add(await NewAndOldActiveAsync("stad-mesen", "END-NEW-", "END-OLD-"));
            }
            while (seen[^1].New == 0 && !snapshot.IsCompleted);
        }
        finally
        {
            turn.Dispose();
        }

        while (!snapshot.IsCompleted)
        {
            seen.Add(await NewAndOldActiveAsync("stad-mesen", "END-NEW-", "END-OLD-"));
            await Task.Delay(5);
        }

        var summary = await snapshot;

        Assert.Equal((SnapshotSize, Old), (summary.Created, summary.Withdrawn));
        Assert.Contains(seen, counts => counts.New is > 0 and < SnapshotSize);
        // A reader never sees a half-withdrawn catalogue: while new offers still come in, every old one is there.
        Assert.All(seen.Where(counts => counts.New < SnapshotSize), counts => Assert.Equal(Old, counts.OldActive));
        Assert.Equal((SnapshotSize, 0), await NewAndOldActiveAsync("stad-mesen", "END-NEW-", "END-OLD-"));
    }

    [Fact]
    public async Task A_snapshot_cancelled_midway_keeps_its_batches_withdraws_nothing_and_can_be_sent_again()
    {
        const int Old = 100;
        var intro = await PartnerSyncClient.ForAsync(api, "groep-intro");
        await intro.UploadAsync(Offers("CANCEL-OLD", Old), allowMassWithdrawal: true);
        var offers = Offers("CANCEL-NEW", SnapshotSize);
        using var cancel = new CancellationTokenSource();

        var cancelled = intro.UploadAsync(offers, allowMassWithdrawal: true, batchSize: 1000, cancellationToken: cancel.Token);
        await UntilAsync(async () => cancelled.IsCompleted || await CountAsync("CANCEL-NEW-") > 0);
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => cancelled);
        // An upload with nothing in it waits its turn behind the cancelled one: when it answers, that one has stopped.
        var nothing = await intro.UploadAsync([], UploadMode.Delta);
        var (kept, oldActive) = await NewAndOldActiveAsync("groep-intro", "CANCEL-NEW-", "CANCEL-OLD-");
        var again = await intro.UploadAsync(offers, allowMassWithdrawal: true, batchSize: 1000);

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.InRange(kept, 1, SnapshotSize - 1);
        Assert.Equal(Old, oldActive);
        Assert.Equal(Old + kept, nothing.ActiveBefore);
        // Sent again, the snapshot finds the offers already in unchanged, adds the rest and withdraws the old ones.
        Assert.Equal((SnapshotSize - kept, 0, kept, Old), (again.Created, again.Updated, again.Unchanged, again.Withdrawn));
        Assert.Equal(Old + kept, again.ActiveBefore);
        Assert.Equal((SnapshotSize, 0), await NewAndOldActiveAsync("groep-intro", "CANCEL-NEW-", "CANCEL-OLD-"));
    }

    [Fact]
    public async Task A_snapshot_that_fails_in_a_later_batch_keeps_the_batches_before_it_withdraws_nothing_and_says_so()
    {
        const int Old = 100;
        const int Refused = 7500;
        var vleteren = await PartnerSyncClient.ForAsync(api, "gemeente-vleteren");
        await vleteren.UploadAsync(Offers("FAIL-OLD", Old), allowMassWithdrawal: true);
        var offers = Offers("FAIL-NEW", SnapshotSize);

        // The database refuses one offer far into the snapshot, as a full disk would: its batch is rolled back.
        await ExecuteAsync($"CREATE TRIGGER refuse_one_offer BEFORE INSERT ON Courses WHEN NEW.ExternalId = 'FAIL-NEW-{Refused}' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        RpcException error;
        try
        {
            error = await Assert.ThrowsAsync<RpcException>(() => vleteren.UploadAsync(offers, allowMassWithdrawal: true, batchSize: 1000));
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER refuse_one_offer;");
        }

        var (kept, oldActive) = await NewAndOldActiveAsync("gemeente-vleteren", "FAIL-NEW-", "FAIL-OLD-");
        // The failed upload let go of the partner's turn: the same snapshot sent again goes through.
        var again = await vleteren.UploadAsync(offers, allowMassWithdrawal: true, batchSize: 1000);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.InRange(kept, 1, Refused - 1);
        // The partner is told how far it got and what to do; not the database's own words.
        Assert.Equal(OfferImport.Stopped(kept, SnapshotSize), error.Status.Detail);
        Assert.DoesNotContain("disk full", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(Old, oldActive);
        Assert.Equal((SnapshotSize - kept, 0, kept, Old), (again.Created, again.Updated, again.Unchanged, again.Withdrawn));
        Assert.Equal((SnapshotSize, 0), await NewAndOldActiveAsync("gemeente-vleteren", "FAIL-NEW-", "FAIL-OLD-"));
    }

    [Fact]
    public async Task A_coordinators_confirmation_during_a_snapshot_waits_for_its_end()
    {
        var heuvelland = await PartnerSyncClient.ForAsync(api, "gemeente-heuvelland");
        await heuvelland.UploadAsync(Offers("CONFIRM-HELD", 10), allowMassWithdrawal: true);
        var truncated = await heuvelland.UploadAsync(Offers("CONFIRM-HELD", 1));
        int partnerId;
        await using (var db = api.CreateDbContext())
        {
            partnerId = await db.Partners.Where(p => p.Code == "gemeente-heuvelland").Select(p => p.Id).SingleAsync();
        }

        // The partner's whole offer again, the held courses in the first batch: the snapshot clears the hold at its end.
        var snapshot = heuvelland.UploadAsync([.. Offers("CONFIRM-HELD", 10), .. Offers("CONFIRM-MORE", SnapshotSize)], batchSize: 1000);
        await UntilAsync(async () => snapshot.IsCompleted || await CountAsync("CONFIRM-MORE-") > 0);
        var confirmation = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(
            "mutation ($input: ConfirmPartnerWithdrawalInput!) { confirmPartnerWithdrawal(input: $input) { withdrawn errors { ... on Error { code } } } }",
            new { input = new { partnerId = GlobalId.Encode(PartnerType.TypeName, partnerId) } });
        var summary = await snapshot;

        Assert.Equal((true, 9), (truncated.WithdrawalHeld, truncated.WithdrawalsHeld));
        Assert.Equal((false, 0), (summary.WithdrawalHeld, summary.Withdrawn));
        Assert.Equal("NO_HELD_WITHDRAWAL", (string?)confirmation["confirmPartnerWithdrawal"]!["errors"]![0]!["code"]);
        Assert.Equal((0, 10), await NewAndOldActiveAsync("gemeente-heuvelland", "CONFIRM-NONE-", "CONFIRM-HELD-"));
    }

    [Fact]
    public Task Two_snapshots_of_one_partner_at_once_are_applied_one_after_the_other() =>
        TwoSnapshotsAtOnceAsync(api, api, "pom-west-vlaanderen", SnapshotSize);

    /// <summary>
    /// Two snapshots of one partner, sent at once (to one API instance or to two): the one that goes second finds every
    /// course of the first in the catalogue, counts them as active before it, and withdraws them all.
    /// </summary>
    internal static async Task TwoSnapshotsAtOnceAsync(DigibankApiFactory first, DigibankApiFactory second, string partnerCode, int size)
    {
        var one = await PartnerSyncClient.ForAsync(first, partnerCode);
        var other = await PartnerSyncClient.ForAsync(second, partnerCode);
        int before;
        await using (var db = first.CreateDbContext())
        {
            before = await db.Courses.CountAsync(c => c.Partner!.Code == partnerCode && c.Status != CourseStatus.Withdrawn);
        }

        var summaries = await Task.WhenAll(
            one.UploadAsync(Offers("TURNS-A", size), allowMassWithdrawal: true, batchSize: 1000),
            other.UploadAsync(Offers("TURNS-B", size), allowMassWithdrawal: true, batchSize: 1000));

        var (earlier, later, laterPrefix) = summaries[0].ActiveBefore == before ? (summaries[0], summaries[1], "TURNS-B-") : (summaries[1], summaries[0], "TURNS-A-");
        Assert.Equal((size, before, before), (earlier.Created, earlier.ActiveBefore, earlier.Withdrawn));
        Assert.Equal((size, size, size), (later.Created, later.ActiveBefore, later.Withdrawn));
        await using var check = first.CreateDbContext();
        var active = await check.Courses.Where(c => c.Partner!.Code == partnerCode && c.Status != CourseStatus.Withdrawn).Select(c => c.ExternalId).ToListAsync();
        Assert.Equal(size, active.Count);
        Assert.All(active, externalId => Assert.StartsWith(laterPrefix, externalId, StringComparison.Ordinal));
    }

    private static List<CourseOffer> Offers(string prefix, int count, int capacity = 10) =>
        [.. Enumerable.Range(1, count).Select(i => PartnerSyncClient.Offer($"{prefix}-{i}", capacity: capacity))];

    private async Task<int> CountAsync(string prefix)
    {
        await using var db = api.CreateDbContext();
        return await db.Courses.CountAsync(c => c.ExternalId.StartsWith(prefix));
    }

    /// <summary>The partner's courses of the new offer, and its active courses of the old one, in one statement: one moment of the catalogue.</summary>
    private async Task<(int New, int OldActive)> NewAndOldActiveAsync(string partnerCode, string newPrefix, string oldPrefix)
    {
        await using var db = api.CreateDbContext();
        var counts = await db.Courses.Where(c => c.Partner!.Code == partnerCode)
            .GroupBy(c => c.PartnerId)
            .Select(g => new
            {
                New = g.Count(c => c.ExternalId.StartsWith(newPrefix)),
                OldActive = g.Count(c => c.ExternalId.StartsWith(oldPrefix) && c.Status != CourseStatus.Withdrawn),
            })
            .SingleAsync();
        return (counts.New, counts.OldActive);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = api.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<List<string>> CourseIdsAsync(string prefix)
    {
        await using var db = api.CreateDbContext();
        var ids = await db.Courses.Where(c => c.ExternalId.StartsWith(prefix)).OrderBy(c => c.ExternalId).Select(c => c.Id).ToListAsync();
        return [.. ids.Select(id => GlobalId.Encode(CourseType.TypeName, id))];
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        // Only a guard against a hang; the wait normally ends with the snapshot's first batch.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!await condition())
        {
            await Task.Delay(5, guard.Token);
        }
    }
}
