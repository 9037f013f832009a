using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Staff;

namespace Digibank.Api.Accounts;

/// <summary>
/// Ends what this instance has open for an account whose access ended (its WebSockets); requests are refused by the
/// security stamp on their own. Immediate in the instance that committed, by the outbox's round in every other.
/// </summary>
internal sealed class StaffAccessEndedConsumer(SessionEndings endings) : IImmediateOutboxConsumer
{
    public string Name => "staff-sessions";

    public bool StartsAtNewest => true;

    public void Deliver(IReadOnlyList<OutboxEvent> events)
    {
        foreach (var ended in events.Select(e => e.Event).OfType<StaffAccessEnded>())
        {
            endings.End(StaffAccount.SubjectOf(ended.AccountId));
        }
    }

    public Task HandleAsync(IReadOnlyList<OutboxEvent> events, DigibankDbContext db, CancellationToken cancellationToken)
    {
        Deliver(events);
        return Task.CompletedTask;
    }
}
