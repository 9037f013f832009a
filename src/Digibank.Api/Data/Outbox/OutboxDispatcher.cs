using System.Diagnostics;
using Digibank.Api.Data.Leases;
using Digibank.Api.Data.RowSecurity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Data.Outbox;

/// <summary>
/// The one door events leave through: reads the outbox in sequence order, right after each commit and
/// on a poll, and hands each event to every consumer, each from its own stored position. Its parts: the round
/// (<see cref="OutboxRound"/>), the fast path to consumers in memory (<see cref="ImmediateDelivery"/>), failed
/// and set-aside events (<see cref="OutboxFailures"/>) and pruning (<see cref="OutboxPruning"/>).
/// </summary>
public sealed class OutboxDispatcher : BackgroundService
{
    /// <summary>The lease of the work done once for all instances: durable consumers (the partner feed) and pruning.</summary>
    public const string Lease = "outbox";

    /// <summary>The tag on the dispatcher's own queries, so the SQL they send can be told apart.</summary>
    public const string QueryTag = "outbox dispatcher";

    private readonly IDbContextFactory<DigibankDbContext> _dbContextFactory;
    private readonly OutboxSignal _signal;
    private readonly TimeProvider _clock;
    private readonly OutboxOptions _options;
    private readonly IInstanceLeases _leases;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly OutboxPositions _positions = new();
    private readonly ImmediateDelivery _immediate;
    private readonly OutboxRound _round;
    private readonly OutboxPruning _pruning;
    private readonly SemaphoreSlim _oneRoundAtATime = new(1, 1);
    private volatile bool _holdsLease;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutboxDispatcher(
        IDbContextFactory<DigibankDbContext> dbContextFactory,
        IEnumerable<IOutboxConsumer> consumers,
        WriteQueue writes,
        OutboxSignal signal,
        TimeProvider clock,
        IOptions<OutboxOptions> options,
        IInstanceLeases leases,
        ILogger<OutboxDispatcher> logger,
        IEnumerable<IOutboxDeliveryObserver> observers)
    {
        _dbContextFactory = dbContextFactory;
        _signal = signal;
        _clock = clock;
        _options = options.Value;
        _leases = leases;
        _logger = logger;
        _holdsLease = leases.AlwaysHeld;
        IOutboxConsumer[] all = [.. consumers];
        var observed = new OutboxObservers([.. observers], clock);
        _immediate = new ImmediateDelivery(all, _positions, observed, logger);
        var failures = new OutboxFailures(dbContextFactory, writes, clock, _options, _positions, _immediate, observed, logger);
        var reader = new OutboxReader(dbContextFactory, _options, logger);
        _round = new OutboxRound(dbContextFactory, all, writes, clock, _positions, reader, _immediate, failures, observed);
        _pruning = new OutboxPruning(dbContextFactory, all, writes, clock, _options, logger);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Dispatch)
        {
            _logger.LogInformation("The outbox dispatcher is off ({Section}:Dispatch): events wait in the outbox", OutboxOptions.Section);
            return;
        }

        _signal.Committed += OnCommitted;
        var holding = _leases.AlwaysHeld ? Task.CompletedTask : HoldLeaseAsync(stoppingToken);
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

                if (await _signal.WaitAsync(_options.PollInterval, stoppingToken) && _options.RoundDelayAfterCommit > TimeSpan.Zero)
                {
                    // Real time, not the application's clock: this orders work on the cores, it says nothing of the domain.
                    await Task.Delay(_options.RoundDelayAfterCommit, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await holding;
                return;
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "Dispatching the outbox failed; it is tried again");
                await Task.Delay(_options.PollInterval, _clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
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
        using var scope = RegionScope.Bypass(RegionBypasses.Outbox);
        await _oneRoundAtATime.WaitAsync(cancellationToken);
        try
        {
            if (!_positions.Loaded)
            {
                await _round.LoadPositionsAsync(cancellationToken);
            }

            if (await _round.RunAsync(_holdsLease, cancellationToken))
            {
                Interlocked.Exchange(ref _progress, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                return true;
            }

            return false;
        }
        finally
        {
            _oneRoundAtATime.Release();
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
        await using (var db = await _dbContextFactory.CreateDbContextAsync(cancellationToken))
        {
            head = await db.OutboxMessages.TagWith(QueryTag).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (_positions.Of(consumer) < head)
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
    public Task<int> PruneAsync(CancellationToken cancellationToken) => _pruning.PruneAsync(cancellationToken);

    /// <summary>
    /// Events committed by another instance, relayed to this one: delivered at once when they follow what this
    /// instance's subscribers have had; events delivered before are dropped. False when they leave a gap: the
    /// caller wakes the dispatcher, whose round reads the missing events from the outbox.
    /// </summary>
    public bool DeliverRelayed(IReadOnlyList<OutboxEvent> relayed) => _immediate.DeliverNow(relayed);

    public override void Dispose()
    {
        _oneRoundAtATime.Dispose();
        base.Dispose();
    }

    private Task HoldLeaseAsync(CancellationToken stoppingToken) =>
        _leases.HoldWheneverPossibleAsync(
            Lease,
            () =>
            {
                // Positions of durable consumers are read again: the previous holder moved them on.
                _positions.Loaded = false;
                _holdsLease = true;
                _signal.Notify();
                return Task.CompletedTask;
            },
            _ =>
            {
                _holdsLease = false;
                return Task.CompletedTask;
            },
            stoppingToken);

    // The fast path: events that follow right after what an immediate consumer has had go to it now. After a gap
    // (a commit whose wake-up has not come yet) they wait for the round, which hands everything over in order.
    private void OnCommitted(IReadOnlyList<OutboxEvent> committed) => _immediate.DeliverNow(committed);
}
