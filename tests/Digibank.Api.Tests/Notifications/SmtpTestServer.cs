using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Digibank.Api.Tests.Notifications;

/// <summary>A real SMTP server (the SmtpServer package) inside the test process on 127.0.0.1, keeping what it receives.</summary>
public sealed class SmtpTestServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();
    private int _disposed;

    public SmtpTestServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>While true, every message is refused with 554, as a broken or full mail server would.</summary>
    public bool Refuse
    {
        get => _store.Refuse;
        set => _store.Refuse = value;
    }

    public IReadOnlyList<MimeMessage> Received => [.. _store.Messages];

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. _store.Messages.Where(message => message.To.Mailboxes.Any(mailbox => mailbox.Address == address))];

    // The factory that owns it may be disposed twice (synchronously and asynchronously).
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public volatile bool Refuse;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Refuse)
            {
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "mailbox unavailable");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

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
