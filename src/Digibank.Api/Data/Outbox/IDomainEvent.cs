namespace Digibank.Api.Data.Outbox;

/// <summary>
/// Something that happened in a feature, as a plain record. It reaches its consumers only through the
/// outbox, once the transaction that raised it has committed.
/// </summary>
public interface IDomainEvent;
