namespace Digibank.Api.Finder;

public sealed record TopicSuggestion(Topic Topic, double Score, IReadOnlyList<string> MatchedWords);
