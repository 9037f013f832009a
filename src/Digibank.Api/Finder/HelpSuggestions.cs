using Digibank.Api.HelpPoints;

namespace Digibank.Api.Finder;

/// <summary>What the finder suggests for one question: the topics, and everything else worked out once for them.</summary>
public sealed record HelpSuggestions(
    IReadOnlyList<TopicSuggestion> Topics,
    CourseSuggestions Courses,
    IReadOnlyList<HelpPoint> HelpPoints,
    bool HomeHelp,
    string Explanation);
