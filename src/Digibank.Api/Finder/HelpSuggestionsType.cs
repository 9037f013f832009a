using Digibank.Api.HelpPoints;
using GraphQL;
using GraphQL.Types;

namespace Digibank.Api.Finder;

public sealed class HelpSuggestionsType : ObjectGraphType
{
    public HelpSuggestionsType()
    {
        Name = "HelpSuggestions";
        Description = "What helps with a resident's question.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicSuggestionType>>>>("topics")
            .Description("At most 5, best first; empty when nothing fits.")
            .Resolve(context => Suggestions(context).Topics);
        this.AddCoursesField(
            "Upcoming courses on these topics with a seat or a waiting list: the resident's town first, then the nearest towns, then the soonest.",
            context => Suggestions(context).Courses);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HelpPointType>>>>("helpPoints")
            .Description("At most 5 places to walk in (or to borrow a device), the soonest open first, then the nearest.")
            .Resolve(context => Suggestions(context).HelpPoints);
        Field<NonNullGraphType<BooleanGraphType>>("homeHelp")
            .Description("Whether asking for a home visit fits: the mobile team covers the region.")
            .Resolve(context => Suggestions(context).HomeHelp);
        Field<NonNullGraphType<StringGraphType>>("explanation")
            .Description("The suggestion in one or two short Dutch sentences.")
            .Resolve(context => Suggestions(context).Explanation);
    }

    private static HelpSuggestions Suggestions(IResolveFieldContext context) => (HelpSuggestions)context.Source!;
}
