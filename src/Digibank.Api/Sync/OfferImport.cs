using System.Diagnostics;
using System.Globalization;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Partners;
using Digibank.Api.Regions;
using Digibank.Partners.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

/// <summary>
/// Applies a partner's checked upload of offers. New and changed offers go in upload order, in batches, each a short
/// transaction of its own taken in turn in the <see cref="WriteQueue"/>, so residents' sign-ups go in between batches
/// instead of after the whole upload. What the upload withdraws (the courses a snapshot no longer lists, or a delta's
/// removals) goes in one last short transaction, or is held for a coordinator (<see cref="WithdrawalHolds"/>): a
/// reader never sees half of a withdrawal, and a call cancelled before the end withdraws nothing. The caller holds the
/// partner's <see cref="PartnerUploadLocks"/> throughout, so no other upload of the partner runs in between.
/// </summary>
public sealed class OfferImport(IDbContextFactory<DigibankDbContext> dbContextFactory, WriteQueue writes, int partnerId, DateTime now, ILogger logger)
{
    /// <summary>The most offers one batch takes.</summary>
    public const int OffersPerBatch = 1000;

    /// <summary>
    /// A batch takes no more offers once it has worked this long: about the longest a resident's sign-up waits behind
    /// it. A count alone would not bound it: a new course takes tens of microseconds, a changed one a few milliseconds.
    /// </summary>
    public static readonly TimeSpan BatchWork = TimeSpan.FromMilliseconds(50);

    public async Task<OfferUploadSummary> ImportAsync(CheckedOfferUpload upload, double massWithdrawalShare, CancellationToken cancellationToken)
    {
        var summary = new OfferUploadSummary { Rejected = { upload.Checker.Rejected }, Cleaned = { upload.Checker.Cleaned } };
        var applied = 0;
        var activeBefore = new Dictionary<int, int>();
        try
        {
            // One batch at least, empty for an upload without offers: the first transaction counts the partner's active courses.
            do
            {
                var from = applied;
                applied += await writes.InTransactionAsync(dbContextFactory, async db =>
                {
                    await LockPartnerAsync(db, cancellationToken);
                    if (from == 0)
                    {
                        activeBefore = await ActiveCoursesAsync(db, cancellationToken);
                        summary.ActiveBefore = activeBefore.Values.Sum();
                    }

                    return await WriteBatchAsync(db, upload.Offers, from, summary, cancellationToken);
                }, cancellationToken);
            }
            while (applied < upload.Offers.Count);

            var toWithdraw = await ToWithdrawAsync(upload, cancellationToken);
            await writes.InTransactionAsync(dbContextFactory, async db =>
            {
                await LockPartnerAsync(db, cancellationToken);
                await WithdrawOrHoldAsync(db, upload, toWithdraw, new MassWithdrawalGuard(massWithdrawalShare, activeBefore), summary, cancellationToken);
                return summary.Withdrawn;
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The partner learns what stayed; the cause, which may name the database's internals, goes to the log.
            logger.LogError(exception, "Applying an offer upload of partner {PartnerId} failed after {Applied} of its {Offers} offers", partnerId, applied, upload.Offers.Count);
            throw new RpcException(new Status(StatusCode.Aborted, Stopped(applied, upload.Offers.Count)));
        }

        return summary;
    }

    /// <summary>What a partner is told when applying its upload failed: the batches before the failure stay, nothing is withdrawn.</summary>
    public static string Stopped(int applied, int offers) => string.Create(CultureInfo.InvariantCulture,
        $"Applying the upload failed after {applied:N0} of its {offers:N0} offers were in; those stay, and nothing was withdrawn. Sending the same upload again is safe: offers already in are recognised as unchanged.");

    // Every transaction of an upload locks the partner's row first, as a coordinator's confirmation of a held withdrawal
    // does (PostgreSQL): a batch waits for a confirmation that is committing, and then reads what it withdrew.
    private Task LockPartnerAsync(DigibankDbContext db, CancellationToken cancellationToken) => db.LockAsync<Partner>(partnerId, cancellationToken);

    /// <summary>The partner's active courses per region, counted in the upload's first transaction, before it changed anything: what the mass-withdrawal share is measured against.</summary>
    private Task<Dictionary<int, int>> ActiveCoursesAsync(DigibankDbContext db, CancellationToken cancellationToken) =>
        db.Courses.Where(c => c.PartnerId == partnerId && c.Status != CourseStatus.Withdrawn)
            .GroupBy(c => c.RegionId).Select(g => new { RegionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.RegionId, g => g.Count, cancellationToken);

    /// <summary>Writes the offers from <paramref name="from"/> on, one batch of them, in the caller's transaction; how many it wrote.</summary>
    private async Task<int> WriteBatchAsync(DigibankDbContext db, IReadOnlyList<ValidOffer> offers, int from, OfferUploadSummary summary, CancellationToken cancellationToken)
    {
        var work = Stopwatch.StartNew();
        var batch = offers.Skip(from).Take(OffersPerBatch).ToList();
        var writer = new OfferWriter(db, partnerId, now);
        await writer.LoadExistingAsync(batch.Select(offer => offer.ExternalId), cancellationToken);
        var written = 0;
        while (written < batch.Count && (written == 0 || work.Elapsed < BatchWork))
        {
            await writer.WriteAsync(batch[written++], cancellationToken);
        }

        summary.Created += writer.Created;
        summary.Updated += writer.Updated;
        summary.Unchanged += writer.Unchanged;
        return written;
    }

    /// <summary>
    /// The partner's courses the upload withdraws: the active ones a snapshot does not list, or a delta's removals. Read
    /// after the batches and outside the write turn, so the last transaction stays short: from the upload's first
    /// transaction to its last, no one else withdraws or adds a course of the partner (<see cref="PartnerUploadLocks"/>).
    /// </summary>
    private async Task<List<(int Id, int RegionId)>> ToWithdrawAsync(CheckedOfferUpload upload, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var active = db.Courses.Where(c => c.PartnerId == partnerId && c.Status != CourseStatus.Withdrawn);
        if (upload.Header.Mode != UploadMode.Snapshot)
        {
            var removals = upload.Removals.Distinct().ToArray();
            var removed = await active.Where(c => EF.Parameter(removals).Contains(c.ExternalId)).Select(c => new { c.Id, c.RegionId }).ToListAsync(cancellationToken);
            return removed.ConvertAll(course => (course.Id, course.RegionId));
        }

        var listed = upload.Listed();
        var courses = await active.Select(c => new { c.Id, c.ExternalId, c.RegionId }).ToListAsync(cancellationToken);
        return [.. courses.Where(course => !listed.Contains(course.ExternalId)).Select(course => (course.Id, course.RegionId))];
    }

    /// <summary>
    /// The upload's last transaction: withdraws what it leaves out or removes, or, region by region, holds a snapshot's
    /// withdrawal for the region's coordinator. A region whose part is not held is withdrawn and its earlier hold cleared.
    /// </summary>
    private async Task WithdrawOrHoldAsync(
        DigibankDbContext db, CheckedOfferUpload upload, List<(int Id, int RegionId)> toWithdraw, MassWithdrawalGuard guard, OfferUploadSummary summary, CancellationToken cancellationToken)
    {
        if (upload.Header.Mode != UploadMode.Snapshot)
        {
            summary.Withdrawn = await OfferWriter.WithdrawActiveAsync(db, toWithdraw.ConvertAll(course => course.Id), now, cancellationToken);
            return;
        }

        var holds = new WithdrawalHolds(db, partnerId, now);
        var pending = await holds.PendingAsync(cancellationToken);
        var byRegion = toWithdraw.GroupBy(course => course.RegionId).ToDictionary(g => g.Key, g => g.Select(course => course.Id).ToList());
        var regions = byRegion.Keys.Union(pending.Keys).Order().ToList();
        var severalRegions = regions.Union(guard.ActiveBefore.Keys).Union(upload.Offers.Select(offer => offer.RegionId)).Skip(1).Any();
        var withdraw = new List<int>();
        var cleared = new List<int>();
        var reasons = new List<string>();
        foreach (var region in regions)
        {
            var courses = byRegion.GetValueOrDefault(region) ?? [];
            var held = pending.GetValueOrDefault(region) ?? [];
            var reason = upload.Header.AllowMassWithdrawal
                ? null
                : WithdrawalHolds.ReasonToHold(upload.Offers.Count(offer => offer.RegionId == region), courses.Count, guard.ActiveBefore.GetValueOrDefault(region), guard.Share, courses.Count(held.Contains));
            if (reason is null)
            {
                withdraw.AddRange(courses);
                cleared.Add(region);
                continue;
            }

            reason = severalRegions ? $"In region '{await RegionCodeAsync(db, region, cancellationToken)}': {reason}" : reason;
            await holds.HoldAsync(region, courses, guard.ActiveBefore.GetValueOrDefault(region), reason, held, cancellationToken);
            summary.WithdrawalsHeld += courses.Count;
            reasons.Add(reason);
        }

        summary.Withdrawn = await OfferWriter.WithdrawActiveAsync(db, withdraw, now, cancellationToken);
        if (cleared.Count > 0)
        {
            await holds.ClearAsync(cleared, cancellationToken);
        }

        (summary.WithdrawalHeld, summary.WithdrawalHeldReason) = (reasons.Count > 0, string.Join(" ", reasons));
    }

    private static Task<string?> RegionCodeAsync(DigibankDbContext db, int regionId, CancellationToken cancellationToken) =>
        db.Regions.Where(r => r.Id == regionId).Select(r => r.Code).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The share of its courses a snapshot may withdraw in a region on its own, and the partner's active courses per region before it.</summary>
    private sealed record MassWithdrawalGuard(double Share, IReadOnlyDictionary<int, int> ActiveBefore);
}
