using Digibank.Api.Partners;
using System.Data.Common;
using System.Globalization;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Digibank.Api.Sync;

/// <summary>
/// Guards a partner's catalogue against a valid but wrong export: an empty file, a truncated one, or one
/// whose ids all changed would otherwise withdraw every course the partner has, and report success.
/// The guard counts per region: a partner that publishes in several regions has at most one hold in each, for the
/// courses of that region, and a snapshot that loses one region's part is held there while the others' part applies.
/// </summary>
public sealed class WithdrawalHolds(DigibankDbContext db, int partnerId, DateTime now)
{
    /// <summary>Why a snapshot's withdrawals must wait for a coordinator, or null when they may go ahead.</summary>
    public static string? ReasonToHold(int validOffers, int toWithdraw, int activeBefore, double share, int stillHeld)
    {
        if (toWithdraw == 0)
        {
            return null;
        }

        if (validOffers == 0)
        {
            return $"The snapshot lists no offer, so it would withdraw all {activeBefore} of the partner's active offers. " +
                "Nothing was withdrawn; a coordinator has to confirm it, or send it again with allow_mass_withdrawal.";
        }

        if (toWithdraw > share * activeBefore)
        {
            return $"The snapshot would withdraw {toWithdraw} of the partner's {activeBefore} active offers ({Percent((double)toWithdraw / activeBefore)}), " +
                $"more than the {Percent(share)} a snapshot may withdraw on its own. Nothing was withdrawn; a coordinator has to confirm it, or send it again with allow_mass_withdrawal.";
        }

        // Without this, the next run of the same export would withdraw what is held: the new offers it created
        // the first time make the share look small.
        if (stillHeld > 0)
        {
            return $"The snapshot still leaves out {stillHeld} offers of an earlier snapshot that is waiting for a coordinator's confirmation. " +
                "Nothing was withdrawn; list them again, wait for the confirmation, or send it again with allow_mass_withdrawal.";
        }

        return null;
    }

    /// <summary>The courses of the partner's pending holds, per region; no entry for a region without one.</summary>
    public async Task<Dictionary<int, HashSet<int>>> PendingAsync(CancellationToken cancellationToken)
    {
        var held = await db.HeldCourses
            .Join(db.WithdrawalHolds.Where(h => h.PartnerId == partnerId), course => course.WithdrawalHoldId, hold => hold.Id, (course, hold) => new { hold.RegionId, course.CourseId })
            .ToListAsync(cancellationToken);
        return held.GroupBy(h => h.RegionId).ToDictionary(g => g.Key, g => g.Select(h => h.CourseId).ToHashSet());
    }

    /// <summary>Stores the region's hold, replacing the partner's earlier one there; the same courses held again keep their first time.</summary>
    public async Task HoldAsync(int regionId, IReadOnlyCollection<int> courseIds, int activeBefore, string reason, HashSet<int> pending, CancellationToken cancellationToken)
    {
        var hold = await db.WithdrawalHolds.AsTracking().SingleOrDefaultAsync(h => h.PartnerId == partnerId && h.RegionId == regionId, cancellationToken);
        var sameCourses = hold is not null && pending.SetEquals(courseIds);
        if (hold is null)
        {
            hold = new WithdrawalHold { PartnerId = partnerId, RegionId = regionId, HeldAt = now, Reason = reason };
            db.WithdrawalHolds.Add(hold);
        }
        else if (!sameCourses)
        {
            await db.HeldCourses.Where(held => held.WithdrawalHoldId == hold.Id).ExecuteDeleteAsync(cancellationToken);
            hold.HeldAt = now;
        }

        hold.CoursesToWithdraw = courseIds.Count;
        hold.ActiveCourses = activeBefore;
        hold.Reason = reason;
        await db.SaveChangesAsync(cancellationToken);
        if (!sameCourses)
        {
            await InsertHeldCoursesAsync(hold.Id, courseIds, cancellationToken);
        }
    }

    /// <summary>A snapshot that is not held in a region replaces what an earlier one held there: the partner has sent its offer again.</summary>
    public Task<int> ClearAsync(IReadOnlyCollection<int> regionIds, CancellationToken cancellationToken) =>
        db.WithdrawalHolds.Where(h => h.PartnerId == partnerId && regionIds.Contains(h.RegionId)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Withdraws the held courses that are still active, exactly as the snapshot would have, and clears the hold.
    /// Null when the partner has no hold.
    /// </summary>
    public async Task<int?> ConfirmAsync(int regionId, CancellationToken cancellationToken)
    {
        var holdId = await db.WithdrawalHolds.Where(h => h.PartnerId == partnerId && h.RegionId == regionId).Select(h => (int?)h.Id).SingleOrDefaultAsync(cancellationToken);
        if (holdId is null)
        {
            return null;
        }

        var courseIds = await db.HeldCourses
            .Where(held => held.WithdrawalHoldId == holdId)
            .Join(db.Courses.Where(c => c.PartnerId == partnerId && c.RegionId == regionId && c.Status != CourseStatus.Withdrawn), held => held.CourseId, course => course.Id, (held, course) => course.Id)
            .ToListAsync(cancellationToken);
        var withdrawn = await OfferWriter.WithdrawCoursesAsync(db, courseIds, now, cancellationToken);
        await ClearAsync([regionId], cancellationToken);
        return withdrawn;
    }

    /// <summary>The coordinator's confirmation of the withdrawal held in their region (<see cref="ConfirmAsync(int, CancellationToken)"/>), with its refusals.</summary>
    public static async Task<Result<ConfirmedWithdrawal>> ConfirmAsync(DigibankDbContext db, ConfirmWithdrawal command, DateTime now, CancellationToken cancellationToken)
    {
        if (!command.Staff.IsCoordinator || command.Staff.RegionId is not { } regionId)
        {
            return new NotAllowedError("Only the regional coordinator confirms a partner's withdrawal.");
        }

        // Not while an upload of the same partner runs: it may hold or clear this very withdrawal.
        await db.LockAsync<Partner>(command.PartnerId, cancellationToken);
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == command.PartnerId, cancellationToken);
        if (partner is null)
        {
            return new NotFoundError("There is no such partner.");
        }

        // A coordinator confirms what would empty their own region's catalogue, never another region's.
        var withdrawn = await new WithdrawalHolds(db, partner.Id, now).ConfirmAsync(regionId, cancellationToken);
        if (withdrawn is { } count)
        {
            return new ConfirmedWithdrawal(partner, count);
        }

        return await db.WithdrawalHolds.AnyAsync(h => h.PartnerId == partner.Id, cancellationToken)
            ? new NotAllowedError($"{partner.Name} has no withdrawal waiting in your region; another region's coordinator confirms theirs.")
            : new NoHeldWithdrawalError($"No withdrawal of {partner.Name} waits for confirmation.");
    }

    // One prepared INSERT reused per course: a hold of 50,000 courses is 50,000 small statements in one transaction, not 50,000 tracked entities.
    private async Task InsertHeldCoursesAsync(int holdId, IReadOnlyCollection<int> courseIds, CancellationToken cancellationToken)
    {
        await using var insert = db.Database.GetDbConnection().CreateCommand();
        insert.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A hold is stored inside the upload's transaction.");
        insert.CommandText = """INSERT INTO "HeldCourses" ("WithdrawalHoldId", "CourseId") VALUES (@hold, @course);""";
        Parameter(insert, "@hold", holdId);
        var course = Parameter(insert, "@course", 0);
        foreach (var courseId in courseIds)
        {
            course.Value = courseId;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
