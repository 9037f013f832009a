using System.ComponentModel;
using GraphQL;

namespace Digibank.Api.Finder;

public sealed record AddTopicWordsInput(
    [property: Id] string TopicId,
    [property: Description("Words or short phrases residents use for this topic; case does not matter.")] IReadOnlyList<string> Words);
