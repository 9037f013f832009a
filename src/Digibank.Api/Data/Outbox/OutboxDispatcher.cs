using System.Collections.Concurrent;
using System.Diagnostics;
using Digibank.Api.Data.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Data.Outbox;

/// <summary>
/// The one door events leave through: reads the outbox in sequence order, right after each commit and
/// on a poll, and hands each event to every consumer, each from its own stored position.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<DigibankDbContext> dbContextFactory,
    IEnumerable<IOutboxConsumer> consumers,
    WriteQueue writes,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    IInstanceLeases leases,
    ILogger<OutboxDispatcher> logger,
    IEnumerable<IOutboxDeliveryObserver> observers) : BackgroundService
{
    /// <summary>The lease of the work done once for all instances: durable consumers (the partner feed) and pruning.</summary>
    public const string Lease = "outbox";

    /// <summary>The tag on the dispatcher's own queries, so the SQL they send can be told apart.</summary>
    public const string QueryTag = "outbox dispatcher";

    private readonly IOutboxConsumer[] _consumers = [.. consumers];
    private readonly IOutboxDeliveryObserver[] _observers = [.. observers];
    private readonly OutboxOptions _options = options.Value;
    private readonly SemaphoreSlim _round = new(1, 1);
    private readonly ConcurrentDictionary<string, long> _positions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _delivered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Trouble> _trouble = new(StringComparer.Ordinal);
    private readonly Lock _immediate = new();
    private volatile bool _positionsLoaded;
    private volatile bool _holdsLease = leases.AlwaysHeld;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Dispatch)
        {
            logger.LogInformation("The outbox dispatcher is off ({Section}:Dispatch): events wait in the outbox", OutboxOptions.Section);
            return;
        }

        signal.Committed += OnCommitted;
        var holding = leases.AlwaysHeld ? Task.CompletedTask : HoldLeaseAsync(stoppingToken);
        var nextPrune = Stopwatch.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchAsync(stoppingToken))
                {
                }

                if (_holdsLease && Stopwatch.GetTimestamp() >= nextPrune)
                {
                    nextPrune = Stopwatch.GetTimestamp() + (long)(_options.PruneInterval.TotalSeconds * Stopwatch.Frequency);
                    await PruneAsync(stoppingToken);
                }

                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await holding;
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Dispatching the outbox failed; it is tried again");
                await Task.Delay(_options.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// One round: hands every consumer the next batch after its position and saves its new position.
    /// True when some consumer moved on (there may be more).
    /// </summary>
    public async Task<bool> DispatchAsync(CancellationToken cancellationToken)
    {
        BackgroundWork.Mark();
        await _round.WaitAsync(cancellationToken);
        try
        {
            if (!_positionsLoaded)
            {
                await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
                // A consumer in memory keeps its own place once it has one: the stored one may be another instance's.
                var inMemory = _consumers.OfType<IImmediateOutboxConsumer>().Select(c => c.Name).Where(_positions.ContainsKey).ToHashSet(StringComparer.Ordinal);
                foreach (var position in await db.ConsumerPositions.TagWith(QueryTag).ToListAsync(cancellationToken))
                {
                    if (!inMemory.Contains(position.Consumer))
                    {
                        _positions[position.Consumer] = position.Sequence;
                    }
                }

                foreach (var consumer in _consumers.OfType<IImmediateOutboxConsumer>())
                {
                    _positions.TryAdd(consumer.Name, 0);
                    _delivered.TryAdd(consumer.Name, Position(consumer));
                }

                await StartNewConsumersAtNewestAsync(cancellationToken);
                _positionsLoaded = true;
            }

            // Every instance serves its own subscribers; what is written once for all (the partner feed) is the
            // work of the instance holding the lease.
            var consumers = _holdsLease ? _consumers : [.. _consumers.OfType<IImmediateOutboxConsumer>()];

            // Consumers usually stand at the same place: one read serves them all.
            var batches = new Dictionary<long, List<OutboxEvent>>();
            foreach (var after in consumers.Select(Position).Distinct())
            {
                batches[after] = await ReadAsync(after, cancellationToken);
            }

            // Every consumer gets its batch first, and only then are positions saved: a consumer that only
            // publishes in memory (the dashboard) does not wait for another's write and its commit.
            var handled = new List<Handled>();
            var setAside = false;
            foreach (var consumer in consumers)
            {
                var batch = batches[Position(consumer)];
                // After a failure, one event at a time until past the failed batch: only the event that fails is set aside.
                if (_trouble.ContainsKey(consumer.Name) && batch.Count > 1)
                {
                    batch = batch[..1];
                }

                switch (await HandOverAsync(consumer, batch, cancellationToken))
                {
                    case Handled done:
                        handled.Add(done);
                        break;
                    case Exception failure:
                        setAside |= await FailedAsync(consumer, batch, failure, cancellationToken);
                        break;
                }
            }

            setAside |= await SavePositionsAsync(handled, cancellationToken);
            if (setAside || handled.Any(h => h.Saved))
            {
                Interlocked.Exchange(ref _progress, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                return true;
            }

            return false;
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>
    /// Waits until <paramref name="consumer"/> has handled every event committed before this call, or the
    /// timeout passes. False on timeout (the dispatcher is off, or the consumer keeps failing).
    /// </summary>
    public async Task<bool> WaitUntilHandledAsync(string consumer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        BackgroundWork.Mark();
        long head;
        await using (var db = await dbContextFactory.CreateDbContextAsync(cancellationToken))
        {
            head = await db.OutboxMessages.TagWith(QueryTag).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (_positions.GetValueOrDefault(consumer) < head)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await Volatile.Read(ref _progress).Task.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Deletes events older than the retention that every consumer has handled; never one a consumer still needs, or one set aside.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        BackgroundWork.Mark();
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-_options.RetentionDays);
        using var turn = await writes.WaitAsync(cancellationToken);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        // Read from the table, not from memory: the positions of this process may not be loaded yet.
        var stored = await db.ConsumerPositions.TagWith(QueryTag).ToDictionaryAsync(p => p.Consumer, p => p.Sequence, cancellationToken);
        var handledByAll = _consumers.Length == 0 ? long.MaxValue : _consumers.Min(c => stored.GetValueOrDefault(c.Name));
        // A set-aside event keeps its row until the coordinator has it handled again.
        var pruned = await db.OutboxMessages.TagWith(QueryTag)
            .Where(m => m.Id <= handledByAll && m.OccurredAt < cutoff && !db.SetAsideEvents.Any(e => e.Sequence == m.Id))
            .ExecuteDeleteAsync(cancellationToken);
        if (pruned > 0)
        {
            logger.LogInformation("Pruned {Count} outbox events older than {Cutoff:u}", pruned, cutoff);
        }

        return pruned;
    }

    private Task HoldLeaseAsync(CancellationToken stoppingToken) =>
        leases.HoldWheneverPossibleAsync(
            Lease,
            () =>
            {
                // Positions of durable consumers are read again: the previous holder moved them on.
                _positionsLoaded = false;
                _holdsLease = true;
                signal.Notify();
                return Task.CompletedTask;
            },
            _ =>
            {
                _holdsLease = false;
                return Task.CompletedTask;
            },
            stoppingToken);

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    // Stored at once: a restart before its first batch must not move it on past events it never handled.
    private async Task StartNewConsumersAtNewestAsync(CancellationToken cancellationToken)
    {
        var fresh = _consumers.Where(c => c.StartsAtNewest && !_positions.ContainsKey(c.Name)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        using var turn = await writes.WaitAsync(cancellationToken);
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.OutboxMessages.TagWith(QueryTag).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        foreach (var consumer in fresh)
        {
            db.ConsumerPositions.Add(new ConsumerPosition { Consumer = consumer.Name, Sequence = newest, UpdatedAt = clock.GetUtcNow().UtcDateTime });
            _positions[consumer.Name] = newest;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private long Position(IOutboxConsumer consumer) => _positions.GetValueOrDefault(consumer.Name);

    // The fast path: events that follow right after what an immediate consumer has had go to it now. After a gap
    // (a commit whose wake-up has not come yet) they wait for the round, which hands everything over in order.
    private void OnCommitted(IReadOnlyList<OutboxEvent> committed) => DeliverNow(committed);

    /// <summary>
    /// Events committed by another instance, relayed to this one: delivered at once when they follow what this
    /// instance's subscribers have had; events delivered before are dropped. False when they leave a gap: the
    /// caller wakes the dispatcher, whose round reads the missing events from the outbox.
    /// </summary>
    public bool DeliverRelayed(IReadOnlyList<OutboxEvent> relayed) => DeliverNow(relayed);

    private bool DeliverNow(IReadOnlyList<OutboxEvent> events)
    {
        if (!_positionsLoaded || events.Count == 0)
        {
            return _positionsLoaded;
        }

        var inOrder = true;
        lock (_immediate)
        {
            foreach (var consumer in _consumers.OfType<IImmediateOutboxConsumer>())
            {
                if (!_delivered.TryGetValue(consumer.Name, out var delivered))
                {
                    continue;
                }

                var fresh = events.SkipWhile(e => e.Sequence <= delivered).ToList();
                if (fresh.Count == 0)
                {
                    continue;
                }

                if (fresh[0].Sequence != delivered + 1)
                {
                    inOrder = false;
                    continue;
                }

                try
                {
                    consumer.Deliver(fresh);
                    Observe(consumer, fresh);
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Outbox consumer {Consumer} failed on events {First}–{Last} at their commit",
                        consumer.Name, fresh[0].Sequence, fresh[^1].Sequence);
                }

                _delivered[consumer.Name] = fresh[^1].Sequence;
            }
        }

        return inOrder;
    }

    private void Observe(IOutboxConsumer consumer, IReadOnlyList<OutboxEvent> events)
    {
        if (_observers.Length == 0 || events.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var observer in _observers)
        {
            observer.Delivered(consumer.Name, events, now);
        }
    }

    private async Task<List<OutboxEvent>> ReadAsync(long after, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OutboxMessages.TagWith(QueryTag)
            .Where(m => m.Id > after)
            .OrderBy(m => m.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        var events = new List<OutboxEvent>(rows.Count);
        foreach (var row in rows)
        {
            if (DomainEventTypes.Deserialize(row.Type, row.Payload) is { } domainEvent)
            {
                events.Add(new OutboxEvent(row.Id, row.OccurredAt, domainEvent));
            }
            else
            {
                logger.LogWarning("Outbox event {Sequence} has a type this version does not know ({Type}); it is skipped", row.Id, row.Type);
            }
        }

        // A batch of unknown types still moves every consumer past it.
        return rows.Count > 0 && (events.Count == 0 || events[^1].Sequence != rows[^1].Id)
            ? [.. events, new OutboxEvent(rows[^1].Id, rows[^1].OccurredAt, SkippedEvent.Instance)]
            : events;
    }

    /// <summary>The consumer's writes, to save with its position; the failure; or null for an empty batch.</summary>
    private async Task<object?> HandOverAsync(IOutboxConsumer consumer, List<OutboxEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return null;
        }

        var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            if (consumer is IImmediateOutboxConsumer immediate)
            {
                // What the fast path already delivered is not delivered again; the position is saved all the same.
                lock (_immediate)
                {
                    var delivered = _delivered.GetValueOrDefault(consumer.Name);
                    var fresh = batch.Where(e => e.Sequence > delivered && e.Event is not SkippedEvent).ToList();
                    if (fresh.Count > 0)
                    {
                        immediate.Deliver(fresh);
                        Observe(consumer, fresh);
                    }

                    _delivered[consumer.Name] = Math.Max(delivered, batch[^1].Sequence);
                }

                return new Handled(consumer, db, batch);
            }

            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            var events = batch.Where(e => e.Event is not SkippedEvent).ToList();
            await consumer.HandleAsync(events, db, cancellationToken);
            Observe(consumer, events);
            return new Handled(consumer, db, batch);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await db.DisposeAsync();
            return exception;
        }
    }

    /// <summary>
    /// A consumer failed on a batch. A batch of several events is handed over again one at a time; one event is tried
    /// again until its tries are used up, and then set aside, and the consumer moves on. True when it was set aside.
    /// </summary>
    private async Task<bool> FailedAsync(IOutboxConsumer consumer, List<OutboxEvent> batch, Exception failure, CancellationToken cancellationToken)
    {
        var (first, last) = (batch[0], batch[^1]);
        var through = _trouble.TryGetValue(consumer.Name, out var trouble) ? Math.Max(trouble.Through, last.Sequence) : last.Sequence;
        var attempts = batch.Count == 1 && trouble?.Sequence == first.Sequence ? trouble.Attempts + 1 : 1;
        // The exception's type and first line, never its stack, the SQL or a parameter value.
        logger.LogError("Outbox consumer {Consumer} failed on events {First}–{Last} (try {Attempt} of {MaxAttempts}): {Error}",
            consumer.Name, first.Sequence, last.Sequence, attempts, _options.MaxAttempts, SetAsideEvents.Describe(failure));
        if (batch.Count > 1 || attempts < _options.MaxAttempts)
        {
            _trouble[consumer.Name] = new Trouble(through, batch.Count == 1 ? first.Sequence : 0, batch.Count == 1 ? attempts : 0);
            return false;
        }

        try
        {
            await SetAsideAsync(consumer, first, attempts, failure, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError("Outbox consumer {Consumer} could not set event {Sequence} aside; it is tried again: {Error}",
                consumer.Name, first.Sequence, SetAsideEvents.Describe(exception));
            return false;
        }

        _trouble[consumer.Name] = new Trouble(through, 0, 0);
        return true;
    }

    /// <summary>Records the event as set aside and moves the consumer's position past it, in one transaction.</summary>
    private async Task SetAsideAsync(IOutboxConsumer consumer, OutboxEvent setAside, int attempts, Exception failure, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using (var turn = await writes.WaitAsync(cancellationToken))
        {
            await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Every instance hands events to the consumers in its memory: the first to give up records it.
            if (!await db.SetAsideEvents.TagWith(QueryTag).AnyAsync(e => e.Consumer == consumer.Name && e.Sequence == setAside.Sequence, cancellationToken))
            {
                db.SetAsideEvents.Add(new SetAsideEvent
                {
                    Consumer = consumer.Name,
                    Sequence = setAside.Sequence,
                    EventType = setAside.Event.GetType().Name,
                    OccurredAt = setAside.OccurredAt,
                    Attempts = attempts,
                    LastError = SetAsideEvents.Describe(failure),
                    SetAsideAt = now,
                });
            }

            await MovePositionAsync(db, consumer.Name, setAside.Sequence, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        _positions[consumer.Name] = setAside.Sequence;
        if (consumer is IImmediateOutboxConsumer)
        {
            lock (_immediate)
            {
                _delivered[consumer.Name] = Math.Max(_delivered.GetValueOrDefault(consumer.Name), setAside.Sequence);
            }
        }

        logger.LogWarning("Outbox consumer {Consumer} set event {Sequence} ({EventType}) aside after {Attempts} tries and goes on with the next",
            consumer.Name, setAside.Sequence, setAside.Event.GetType().Name, attempts);
        foreach (var observer in _observers)
        {
            observer.SetAside(consumer.Name, setAside);
        }
    }

    private async Task MovePositionAsync(DigibankDbContext db, string consumer, long sequence, DateTime now, CancellationToken cancellationToken)
    {
        var position = await db.ConsumerPositions.TagWith(QueryTag).SingleOrDefaultAsync(p => p.Consumer == consumer, cancellationToken);
        if (position is null)
        {
            db.ConsumerPositions.Add(position = new ConsumerPosition { Consumer = consumer });
        }

        position.Sequence = sequence;
        position.UpdatedAt = now;
    }

    /// <summary>
    /// Saves what each consumer wrote with its new position, one transaction per consumer, so one that cannot
    /// save does not hold the others back. A save that fails counts as a failed try of the batch. True when that
    /// set an event aside.
    /// </summary>
    private async Task<bool> SavePositionsAsync(List<Handled> handled, CancellationToken cancellationToken)
    {
        var setAside = false;
        foreach (var one in handled)
        {
            Exception? failure = null;
            await using (var db = one.Db)
            {
                try
                {
                    using var turn = await writes.WaitAsync(cancellationToken);
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await MovePositionAsync(db, one.Consumer.Name, one.Last, clock.GetUtcNow().UtcDateTime, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    _positions[one.Consumer.Name] = one.Last;
                    one.Saved = true;
                    if (_trouble.TryGetValue(one.Consumer.Name, out var trouble) && one.Last >= trouble.Through)
                    {
                        _trouble.TryRemove(one.Consumer.Name, out _);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failure = exception;
                }
            }

            if (failure is not null)
            {
                setAside |= await FailedAsync(one.Consumer, one.Batch, failure, cancellationToken);
            }
        }

        return setAside;
    }

    private sealed class Handled(IOutboxConsumer consumer, DigibankDbContext db, List<OutboxEvent> batch)
    {
        public IOutboxConsumer Consumer { get; } = consumer;

        public DigibankDbContext Db { get; } = db;

        public List<OutboxEvent> Batch { get; } = batch;

        public long Last => Batch[^1].Sequence;

        public bool Saved { get; set; }
    }

    /// <summary>
    /// A consumer failed up to <paramref name="Through"/>: it gets one event at a time until past it. <paramref name="Attempts"/>
    /// counts the failed tries of the one event <paramref name="Sequence"/>.
    /// </summary>
    private sealed record Trouble(long Through, long Sequence, int Attempts);

    /// <summary>Stands in for events this version cannot read, so positions still move past them.</summary>
    private sealed record SkippedEvent : IDomainEvent
    {
        public static readonly SkippedEvent Instance = new();
    }
}
