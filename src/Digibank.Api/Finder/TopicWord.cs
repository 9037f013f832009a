namespace Digibank.Api.Finder;

/// <summary>A word the region uses for a topic, added by the coordinator so the finder learns it without a release.</summary>
public sealed class TopicWord : IEntity
{
    public int Id { get; set; }

    public int TopicId { get; set; }

    public Topic? Topic { get; set; }

    /// <summary>As the coordinator typed it, trimmed and in lower case.</summary>
    public required string Word { get; set; }

    public DateTime AddedAt { get; set; }

    /// <summary>The coordinator who added it (their token's subject).</summary>
    public string? AddedBy { get; set; }
}
