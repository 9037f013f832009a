using Digibank.Api.Testing;
using MimeKit;

namespace Digibank.Api.Tests.Notifications;

/// <summary>The API sending its e-mails to a real SMTP server, and its texts to an HTTP SMS gateway, both on 127.0.0.1.</summary>
public sealed class NotificationsApiFactory : DigibankApiFactory
{
    public SmtpTestServer Smtp { get; } = new();

    public SmsTestGateway Sms { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", $"{Smtp.Port}");
        builder.UseSetting("Notifications:Smtp:Security", "None");
        builder.UseSetting("Notifications:PollInterval", "00:00:00.100");
        builder.UseSetting("Notifications:Sms:Url", Sms.Url);
        builder.UseSetting("Notifications:Sms:UserName", SmsTestGateway.UserName);
        builder.UseSetting("Notifications:Sms:Password", SmsTestGateway.Password);
    }

    /// <summary>How long a test waits for the API to deliver what it should, before it fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>E-mail number <paramref name="count"/> to an address, once the SMTP server has it.</summary>
    public async Task<MimeMessage> MailToAsync(string address, int count = 1)
    {
        await UntilAsync(() => Smtp.To(address).Count >= count, $"No e-mail number {count} to {address}");
        return Smtp.To(address)[count - 1];
    }

    /// <summary>Text number <paramref name="count"/> to a phone number, once the SMS gateway has it.</summary>
    public async Task<SmsTestGateway.TextMessage> TextToAsync(string phoneNumber, int count = 1)
    {
        await UntilAsync(() => Sms.To(phoneNumber).Count >= count, $"No text number {count} to {phoneNumber}");
        return Sms.To(phoneNumber)[count - 1];
    }

    /// <summary>What <paramref name="find"/> finds in the store, once it is there.</summary>
    public async Task<T> WaitForAsync<T>(Func<Digibank.Api.Data.DigibankDbContext, Task<T?>> find)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var db = CreateDbContext();
            if (await find(db) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "Not there in time.");
            await Task.Delay(50);
        }
    }

    private static async Task UntilAsync(Func<bool> done, string failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} within {Patience.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp.Dispose();
        Sms.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
