namespace Digibank.Api.Data.Outbox;

/// <summary>
/// One domain event, saved in the transaction that raised it. Its id is the event's sequence number:
/// SQLite lets one writer in at a time and never reuses an AUTOINCREMENT id, so ids grow in commit order.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string Type { get; set; }

    public required string Payload { get; set; }

    public DateTime OccurredAt { get; set; }
}
