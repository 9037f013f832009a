namespace Digibank.Api.Data.Outbox;

/// <summary>An event read back from the outbox, with its place in the order of commits.</summary>
public sealed record OutboxEvent(long Sequence, DateTime OccurredAt, IDomainEvent Event);
