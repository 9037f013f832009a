namespace Digibank.Api.Data.Outbox;

/// <summary>Stands in for events this version cannot read, so positions still move past them.</summary>
internal sealed record SkippedEvent : IDomainEvent
{
    public static readonly SkippedEvent Instance = new();
}
