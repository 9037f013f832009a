using Digibank.Api.Data;
using Digibank.Api.Data.RowSecurity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Digibank.Api.Notifications;

/// <summary>
/// Sends the e-mails and texts that are due, in order of creation, and tries a failed one again after the next of
/// <see cref="NotificationOptions.RetryDelays"/>; after the last it is FAILED, with the reason, for staff to see.
/// Each message is taken for its try and recorded as sent in writes of its own, right before and right after it is
/// handed over: a stop or a crash in the middle of a round leaves no other message to send again, and a message
/// erased since the round began is not sent at all. Runs in one API instance at a time (its lease).
/// </summary>
public sealed class NotificationSender(
    IDbContextFactory<DigibankDbContext> dbContextFactory,
    WriteQueue writes,
    ITextMessageChannel texts,
    MailFolder mailFolder,
    Mailboxes mailboxes,
    NotificationSignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<NotificationSender> logger) : BackgroundService
{
    private readonly NotificationOptions _options = options.Value;
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>Sends what is due now; the number of messages sent. One round at a time, so no message is sent twice.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        using var scope = RegionScope.Bypass(RegionBypasses.Messages);
        await _round.WaitAsync(cancellationToken);
        try
        {
            return await SendRoundAsync(cancellationToken);
        }
        finally
        {
            _round.Release();
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    private async Task<int> SendRoundAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Notification> due;
        await using (var db = await dbContextFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Notifications
                .Where(n => n.Status == NotificationStatus.Pending && (n.Channel == NotificationChannel.Email || n.Channel == NotificationChannel.Sms) && n.NextAttemptAt <= now)
                .OrderBy(n => n.Id).Take(_options.BatchSize).ToListAsync(cancellationToken);
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var sent = 0;
        await using var mail = due.Any(n => n.Channel == NotificationChannel.Email) ? await mailboxes.OpenAsync(cancellationToken) : null;
        foreach (var notification in due)
        {
            var attempts = notification.Attempts + 1;
            if (!await RecordAsync(notification.Id, set => set.SetProperty(n => n.Attempts, attempts), cancellationToken))
            {
                continue;
            }

            try
            {
                await (notification.Channel == NotificationChannel.Sms
                    ? texts.SendAsync(notification.Recipient!, notification.Body ?? notification.Subject, cancellationToken)
                    : mail!.SendAsync(Compose(notification), cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await FailedAsync(notification, attempts, exception, now, cancellationToken);
                continue;
            }

            if (await RecordAsync(notification.Id, set => set.SetProperty(n => n.Status, NotificationStatus.Sent).SetProperty(n => n.SentAt, now).SetProperty(n => n.LastError, (string?)null), CancellationToken.None))
            {
                sent++;
            }
            else if (notification.Channel == NotificationChannel.Email)
            {
                // Erased while it was being written: the copy on disk goes too.
                mailFolder.Remove([notification.MessageKey]);
            }
        }

        return sent;
    }

    private Task FailedAsync(Notification notification, int attempts, Exception exception, DateTime now, CancellationToken cancellationToken)
    {
        // The reason without a stack: staff read it.
        var error = $"{exception.GetType().Name}: {exception.Message}";
        if (attempts > _options.RetryDelays.Length)
        {
            // The exception's type only: a mail server's or SMS gateway's message often quotes the address or number.
            logger.LogWarning("Message {Notification} ({Reason}) failed for good after {Attempts} tries: {ErrorType}",
                notification.Id, notification.Reason, attempts, exception.GetType().Name);
            return RecordAsync(notification.Id, set => set.SetProperty(n => n.Status, NotificationStatus.Failed).SetProperty(n => n.LastError, error), cancellationToken);
        }

        var next = now + _options.RetryDelays[attempts - 1];
        return RecordAsync(notification.Id, set => set.SetProperty(n => n.NextAttemptAt, next).SetProperty(n => n.LastError, error), cancellationToken);
    }

    /// <summary>One change to one message still waiting to go out, in a write of its own; false when it is gone (erased) or no longer waiting.</summary>
    private async Task<bool> RecordAsync(int notificationId, Action<UpdateSettersBuilder<Notification>> set, CancellationToken cancellationToken)
    {
        using var turn = await writes.WaitAsync(cancellationToken);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.Where(n => n.Id == notificationId && n.Status == NotificationStatus.Pending).ExecuteUpdateAsync(set, cancellationToken) == 1;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        BackgroundWork.Mark();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                }

                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Sending messages failed; it is tried again");
                await Task.Delay(_options.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// The e-mail of a message. Its Message-ID comes from what the message is (event or occasion, person, reason), never
    /// from when it is sent: sent again after a crash, it is the same e-mail, which a mail server or reader drops as a repeat.
    /// </summary>
    private MimeMessage Compose(Notification notification)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        message.To.Add(MailboxAddress.Parse(notification.Recipient!));
        message.Subject = notification.Subject;
        message.MessageId = $"{notification.MessageKey}@{_options.FromAddress.Split('@')[^1]}";
        message.Body = new TextPart("plain") { Text = notification.Body ?? string.Empty };
        return message;
    }
}
