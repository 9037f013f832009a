using MailKit.Security;

namespace Digibank.Api.Notifications;

public sealed class SmtpOptions
{
    /// <summary>Empty: e-mails are written to <see cref="NotificationOptions.MailFolder"/> and nothing leaves the machine.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
