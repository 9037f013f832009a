using GraphQL.Types;

namespace Digibank.Api.GraphQL.Filtering;

public sealed class StringOperationFilterInputType : InputObjectGraphType
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Description = "Conditions on a text. On names, titles and summaries matching ignores case, accents, spaces and punctuation: \"tax on web\" finds \"Tax-on-web\".";
        Field<StringGraphType>("eq");
        Field<StringGraphType>("neq");
        Field<StringGraphType>("contains");
        Field<StringGraphType>("ncontains");
        Field<StringGraphType>("startsWith");
        Field<StringGraphType>("nstartsWith");
        Field<StringGraphType>("endsWith");
        Field<StringGraphType>("nendsWith");
        Field<ListGraphType<StringGraphType>>("in");
        Field<ListGraphType<StringGraphType>>("nin");
    }
}
