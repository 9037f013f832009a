using System.Text.Json;
using System.Text.Json.Serialization;

namespace Digibank.Api.Data.Outbox;

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
