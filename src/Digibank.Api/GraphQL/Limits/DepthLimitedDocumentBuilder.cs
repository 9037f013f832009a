using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Digibank.Api.GraphQL.Limits;

/// <summary>
/// Parses documents with a nesting limit. The parser refuses deeper documents with an exception of its
/// own that GraphQL.NET would treat as a server failure; here it becomes the client error it is.
/// </summary>
public sealed class DepthLimitedDocumentBuilder : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = QueryLimits.MaxParserDepth };

    public GraphQLDocument Build(string body)
    {
        try
        {
            return _parser.Build(body);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            throw new ExecutionError($"The document is nested deeper than {QueryLimits.MaxParserDepth} levels.") { Code = ErrorCodes.DocumentTooDeep };
        }
    }
}
