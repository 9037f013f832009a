using System.ComponentModel;
using Digibank.Api.GraphQL.Mutations;

namespace Digibank.Api.Finder;

public sealed record AddTopicWordsPayload(
    Topic? Topic,
    [property: Description("Every word the coordinator added to this topic, in alphabetical order.")] IReadOnlyList<string>? Words) : Payload;
