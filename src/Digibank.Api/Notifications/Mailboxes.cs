using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Digibank.Api.Notifications;

/// <summary>
/// Where e-mails go: the SMTP server when one is set, else the mail folder. One place, for the messages to residents
/// and for the few to staff (an invitation), so both go out the same way.
/// </summary>
public sealed class Mailboxes(IOptions<NotificationOptions> options, MailFolder mailFolder)
{
    /// <summary>The sender the messages carry, and the domain of their Message-IDs.</summary>
    public MailboxAddress From => new(options.Value.FromName, options.Value.FromAddress);

    public string MessageIdDomain => options.Value.FromAddress.Split('@')[^1];

    /// <summary>Sends one message now; what the server or folder throws reaches the caller.</summary>
    public async Task SendOneAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await using var mailbox = await OpenAsync(cancellationToken);
        await mailbox.SendAsync(message, cancellationToken);
    }

    public async Task<IMailbox> OpenAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Smtp.Host))
        {
            return new FolderMailbox(mailFolder);
        }

        var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(options.Value.Smtp.Host, options.Value.Smtp.Port, options.Value.Smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(options.Value.Smtp.UserName))
            {
                await client.AuthenticateAsync(options.Value.Smtp.UserName, options.Value.Smtp.Password ?? string.Empty, cancellationToken);
            }

            return new SmtpMailbox(client);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            client.Dispose();
            // Every message of this round fails with the reason, and is tried again on its own schedule.
            return new Unreachable(exception);
        }
    }

    public interface IMailbox : IAsyncDisposable
    {
        Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
    }

    private sealed class SmtpMailbox(SmtpClient client) : IMailbox
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }

            client.Dispose();
        }
    }

    private sealed class FolderMailbox(MailFolder folder) : IMailbox
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => folder.WriteAsync(message, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Unreachable(Exception reason) : IMailbox
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => Task.FromException(reason);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
