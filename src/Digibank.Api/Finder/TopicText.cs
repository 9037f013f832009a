namespace Digibank.Api.Finder;

/// <summary>What a topic is called and what is said about it: its name, lexicon words, the coordinator's words, its courses' texts.</summary>
public sealed record TopicText(int TopicId, string Code, string Name, IReadOnlyList<string> LexiconWords, IReadOnlyList<string> CourseTexts, IReadOnlyList<string>? WeakWords = null);
