using System.Text.Json;
using System.Text.Json.Serialization;

namespace Digibank.Api.Data.Outbox;

/// <summary>
/// Something that happened in a feature, as a plain record. It reaches its consumers only through the
/// outbox, once the transaction that raised it has committed.
/// </summary>
public interface IDomainEvent;

/// <summary>
/// A feature's part of every save: it looks at the changes to its own entities about to be saved and
/// says which domain events they raise. The events are completed after the save, when keys the database
/// generated are known, and written to the outbox in the same transaction.
/// </summary>
public interface IDomainEventSource
{
    ValueTask<IReadOnlyList<Func<IDomainEvent>>> RaiseAsync(DigibankDbContext db, DateTime now, CancellationToken cancellationToken);
}

/// <summary>An event read back from the outbox, with its place in the order of commits.</summary>
public sealed record OutboxEvent(long Sequence, DateTime OccurredAt, IDomainEvent Event);

/// <summary>The names events are stored under, and their JSON form. A name must not change once rows carry it.</summary>
public static class DomainEventTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(type))
        .ToDictionary(type => type.Name, StringComparer.Ordinal);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string NameOf(IDomainEvent domainEvent) => domainEvent.GetType().Name;

    public static string Serialize(IDomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json);

    /// <summary>Null for a type this build does not know (written by a newer version): it is skipped, not retried forever.</summary>
    public static IDomainEvent? Deserialize(string type, string payload) =>
        ByName.TryGetValue(type, out var eventType) ? (IDomainEvent?)JsonSerializer.Deserialize(payload, eventType, Json) : null;
}
