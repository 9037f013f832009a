namespace Digibank.Api.Data.Outbox;

/// <summary>Wakes the dispatcher right after a commit that wrote to the outbox; many wake-ups before it looks count as one.</summary>
public sealed class OutboxSignal : WakeUp
{
    /// <summary>Called on the committing thread with the events just committed (the dispatcher's fast path).</summary>
    public Action<IReadOnlyList<OutboxEvent>>? Committed { get; set; }

    public void Notify(IReadOnlyList<OutboxEvent> committed)
    {
        Committed?.Invoke(committed);
        Notify();
    }
}
