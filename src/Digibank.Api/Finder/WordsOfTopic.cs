namespace Digibank.Api.Finder;

/// <summary>A topic and every word the coordinator added to it so far, in alphabetical order.</summary>
public sealed record WordsOfTopic(Topic Topic, IReadOnlyList<string> Words);
