using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Digibank.Api.Testing;

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

    /// <summary>
    /// Accepts <paramref name="accepted"/> messages in all and holds the next in the middle of its transfer, as a slow
    /// mail server would, until it is called again with a higher number or <see cref="Release"/>.
    /// </summary>
    public void HoldAfter(int accepted) => _store.HoldAfter = accepted;

    /// <summary>A message is held in the middle of its transfer.</summary>
    public bool Holding => _store.Holding;

    public void Release() => _store.HoldAfter = int.MaxValue;

    public IReadOnlyList<MimeMessage> Received => [.. _store.Messages];

    /// <summary>How many messages were accepted, without copying them.</summary>
    public int Count => _store.Messages.Count;

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

        public volatile int HoldAfter = int.MaxValue;

        public volatile bool Holding;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            try
            {
                while (Messages.Count >= HoldAfter)
                {
                    Holding = true;
                    await Task.Delay(10, cancellationToken);
                }
            }
            finally
            {
                Holding = false;
            }

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
