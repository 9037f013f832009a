using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Finder;

/// <summary>The coordinator added words to a topic: every instance's finder answers from a new index.</summary>
public sealed record TopicWordsAdded(int TopicId, DateTime At) : IDomainEvent;
