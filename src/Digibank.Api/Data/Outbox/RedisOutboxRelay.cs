using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Digibank.Api.Data.Outbox;

/// <summary>
/// Carries committed outbox events between API instances over Redis pub/sub, so a dashboard connected to one
/// instance sees a sign-up made on another as soon as it is committed. The committing instance publishes the
/// events right after its commit; every other instance hands them to its subscribers through the dispatcher's
/// fast path, which takes only the event that follows the last one it delivered. Anything else (events of two
/// instances crossing, a message lost while Redis was away) wakes the dispatcher, which reads the outbox table,
/// the source of truth, from where it stands. So an event reaches each instance once, in sequence order, and a
/// Redis outage costs latency, never events: the dispatcher's poll still reads the table, and Redis coming back
/// wakes a catch-up at once.
/// </summary>
public sealed class RedisOutboxRelay(
    OutboxSignal signal,
    OutboxDispatcher dispatcher,
    IOptions<RedisOptions> options,
    ILogger<RedisOutboxRelay> logger) : IHostedService, IAsyncDisposable
{
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.Channel);
    private ConnectionMultiplexer? _redis;
    private ChannelMessageQueue? _messages;
    private int _publishFailuresLogged;
    private readonly CancellationTokenSource _stopping = new();
    private Task _subscribing = Task.CompletedTask;

    /// <summary>Whether Redis answers now, for the readiness check.</summary>
    public bool IsConnected => _redis?.IsConnected == true;

    public ConnectionMultiplexer? Connection => _redis;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration!);
        // Start even while Redis is away, and never queue publishes for later: the outbox table is the backlog.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        // Back within a second of Redis returning, so the catch-up starts at once.
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        configuration.ClientName = $"digibank-{Environment.MachineName}-{Environment.ProcessId}";
        _redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        _redis.ConnectionFailed += (_, failure) =>
            logger.LogWarning("Redis is unreachable ({Failure}); dashboards of other instances catch up from the outbox", failure.FailureType);
        _redis.ConnectionRestored += (_, restored) =>
        {
            logger.LogInformation("Redis is back ({Connection}); catching up from the outbox", restored.ConnectionType);
            Interlocked.Exchange(ref _publishFailuresLogged, 0);
            _ = CatchUpAsync();
        };

        signal.Committed += Publish;
        if (!await TrySubscribeAsync())
        {
            // Redis did not answer in time (it is starting, or the machine is busy): the API starts all the same and
            // subscribes as soon as it can; until then its dashboards are fed from the outbox.
            logger.LogWarning("Could not subscribe to Redis yet; trying again every second, and catching up from the outbox once subscribed");
            _subscribing = SubscribeWhenPossibleAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        signal.Committed -= Publish;
        await _stopping.CancelAsync();
        await _subscribing;
        if (_messages is not null)
        {
            await _messages.UnsubscribeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        try
        {
            _messages = await _redis!.GetSubscriber().SubscribeAsync(_channel);
            _messages.OnMessage(message => Receive(message.Message));
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return false;
        }
    }

    private async Task SubscribeWhenPossibleAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TrySubscribeAsync())
            {
                logger.LogInformation("Subscribed to Redis; catching up from the outbox");
                await CatchUpAsync();
                return;
            }
        }
    }

    // Redis reports its connection back before the channel is subscribed again: an event published in between
    // reaches no one here. So the outbox is read now and twice more while the subscription settles.
    private async Task CatchUpAsync()
    {
        foreach (var wait in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3) })
        {
            await Task.Delay(wait);
            signal.Notify();
        }
    }

    private void Publish(IReadOnlyList<OutboxEvent> committed)
    {
        if (_redis is null || committed.Count == 0)
        {
            return;
        }

        var message = JsonSerializer.SerializeToUtf8Bytes(
            committed.Select(e => new RelayedEvent(e.Sequence, e.OccurredAt, DomainEventTypes.NameOf(e.Event), DomainEventTypes.Serialize(e.Event))).ToArray());
        _ = PublishAsync(message, committed[0].Sequence, committed[^1].Sequence);
    }

    private async Task PublishAsync(byte[] message, long first, long last)
    {
        try
        {
            await _redis!.GetSubscriber().PublishAsync(_channel, message);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            // One line per outage, not one per event.
            if (Interlocked.Exchange(ref _publishFailuresLogged, 1) == 0)
            {
                logger.LogWarning("Could not relay events {First}–{Last} through Redis ({Error}); other instances read them from the outbox", first, last, exception.Message);
            }
        }
    }

    private void Receive(RedisValue message)
    {
        try
        {
            var relayed = JsonSerializer.Deserialize<RelayedEvent[]>((byte[])message!) ?? [];
            var events = relayed
                .Select(e => DomainEventTypes.Deserialize(e.Type, e.Payload) is { } domainEvent ? new OutboxEvent(e.Sequence, e.OccurredAt, domainEvent) : null)
                .OfType<OutboxEvent>()
                .ToList();
            if (events.Count != relayed.Length || !dispatcher.DeliverRelayed(events))
            {
                signal.Notify();
            }
        }
        catch (JsonException exception)
        {
            logger.LogWarning("A message on {Channel} is not a relayed outbox event: {Error}", options.Value.Channel, exception.Message);
        }
    }

    private sealed record RelayedEvent(long Sequence, DateTime OccurredAt, string Type, string Payload);
}
