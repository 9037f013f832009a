using Digibank.Api.GraphQL;
using GraphQL.Types;

namespace Digibank.Api.Finder;

public sealed class TopicSuggestionType : ObjectGraphType<TopicSuggestion>
{
    public TopicSuggestionType()
    {
        Name = "TopicSuggestion";
        Description = "A topic that fits the question.";
        Field<NonNullGraphType<TopicType>>("topic").Resolve(context => context.Source.Topic);
        Field(s => s.Score).Description("How well it fits: higher is better; only comparable within one answer.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("matchedWords")
            .Description("The question's words that made it fit, as typed (or the lexicon entry of several words).")
            .Resolve(context => context.Source.MatchedWords);
    }
}
