using Digibank.Api.Staff;

namespace Digibank.Api.Finder;

/// <summary>Teach the finder the words the region uses for a topic; <see cref="RegionalLexicon.Check"/> trims them and puts them in lower case.</summary>
public sealed record AddTopicWords(int TopicId, IReadOnlyList<string> Words, StaffUser Staff);
