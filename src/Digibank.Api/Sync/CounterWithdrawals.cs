using Digibank.Api.Data;
using Digibank.Api.Partners;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

/// <summary>
/// The partners' withdrawals held in the coordinator's region, at the counter (Opvolging): listed in one query, and
/// confirmed through <see cref="WithdrawalHolds.ConfirmAsync(DigibankDbContext, ConfirmWithdrawal, DateTime, CancellationToken)"/>
/// after the partner's upload turn, exactly as <c>confirmPartnerWithdrawal</c> confirms one.
/// </summary>
public sealed class CounterWithdrawals(IServiceProvider services, IDbContextFactory<DigibankDbContext> dbContextFactory, PartnerUploadLocks uploadLocks, TimeProvider clock)
{
    /// <summary>The withdrawals waiting for the coordinator of the caller's region, oldest first; none for anyone else.</summary>
    public async Task<IReadOnlyList<HeldWithdrawal>> HeldAsync(StaffUser staff, CancellationToken cancellationToken)
    {
        if (!staff.IsCoordinator || staff.RegionId is not { } regionId)
        {
            return [];
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        return await db.WithdrawalHolds.AsNoTracking().Where(h => h.RegionId == regionId)
            .OrderBy(h => h.HeldAt).ThenBy(h => h.Id)
            .Select(h => new HeldWithdrawal(h.PartnerId, h.Partner!.Name, h.HeldAt, h.CoursesToWithdraw, h.ActiveCourses))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Withdraws the partner's held courses in the caller's region; the result says how many went.</summary>
    public async Task<Result<ConfirmedWithdrawal>> ConfirmAsync(StaffUser staff, int partnerId, CancellationToken cancellationToken)
    {
        var command = new ConfirmWithdrawal(partnerId, staff);
        await using var partnerTurn = await uploadLocks.ForConfirmationAsync(command, cancellationToken);
        return await StoreWork.RunAsync(services, work => WithdrawalHolds.ConfirmAsync(work.Db, command, clock.GetUtcNow().UtcDateTime, cancellationToken), cancellationToken);
    }
}
