namespace Digibank.Api.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpOptions Smtp { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();

    /// <summary>Where e-mails are written as <c>.eml</c> files when no SMTP server is set (relative to the content root).</summary>
    public string MailFolder { get; set; } = "data/mail";

    public string FromAddress { get; set; } = "digibank@poperinge.example";

    public string FromName { get; set; } = "Digibank regio Poperinge";

    /// <summary>The waits before the second, third… try; after the last one the message is FAILED and staff see it.</summary>
    public TimeSpan[] RetryDelays { get; set; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>How often reminders (tomorrow's session, a loan due or overdue) and devices not collected are looked at.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(15);
}
