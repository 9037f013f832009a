using Digibank.Api.Data;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Privacy;

/// <summary>Runs the retention sweep at start-up and every six hours.</summary>
public sealed class RetentionService(
    IDbContextFactory<DigibankDbContext> dbContextFactory,
    MailFolder mailFolder,
    Microsoft.Extensions.Options.IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        using var scope = RegionScope.Bypass(RegionBypasses.Retention);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var now = clock.GetUtcNow().UtcDateTime;
        var count = await ParticipantPrivacy.AnonymiseExpiredAsync(db, now, TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // Message texts hold names and places: none is kept past the retention period, whoever it was for.
        var before = now - TimeSpan.FromDays(options.Value.RetentionDays);
        await db.Notifications.Where(n => n.CreatedAt < before && n.Body != null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Body, (string?)null).SetProperty(n => n.Recipient, (string?)null), cancellationToken);
        await db.CallTasks.Where(t => t.CreatedAt < before && t.Script != null).ExecuteUpdateAsync(set => set.SetProperty(t => t.Script, (string?)null), cancellationToken);
        mailFolder.RemoveOlderThan(before);
        if (db.Database.IsSqlite())
        {
            // Deleted rows are overwritten in the file (secure_delete), but their old pages stay in the write-ahead log
            // until it is written back and emptied.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
        if (count > 0)
        {
            logger.LogInformation("Anonymised {Count} people past the retention period of {Days} days", count, options.Value.RetentionDays);
        }

        return count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "The retention sweep failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
