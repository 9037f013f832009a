namespace Digibank.Api.Finder;

/// <summary>A topic that fits a question: how well, and which of the question's words made it fit.</summary>
public sealed record TopicMatch(int TopicId, double Score, IReadOnlyList<string> MatchedWords);
