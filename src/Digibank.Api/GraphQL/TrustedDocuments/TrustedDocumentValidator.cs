using GraphQL;
using GraphQL.Execution;
using GraphQL.Instrumentation;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Digibank.Api.GraphQL.TrustedDocuments;

/// <summary>
/// Whether a document a site wants to register would run against this schema: it parses as the transport parses, has
/// an operation, and passes GraphQL's validation rules (known fields and types, arguments of the right types, fragments
/// used and not cyclic…). Variables have no values yet, so only their types and places are checked.
/// </summary>
public sealed class TrustedDocumentValidator(ISchema schema, IDocumentBuilder parser)
{
    /// <summary>Why <paramref name="document"/> would not run, in the parser's or the validation rules' words; empty when it would.</summary>
    public async Task<IReadOnlyList<string>> ProblemsWithAsync(string document, CancellationToken cancellationToken)
    {
        GraphQLDocument parsed;
        try
        {
            parsed = parser.Build(document);
        }
        catch (Exception exception) when (exception is GraphQLParserException or ExecutionError)
        {
            return [exception.Message];
        }

        if (parsed.Definitions.OfType<GraphQLOperationDefinition>().FirstOrDefault() is not { } operation)
        {
            return ["It has no operation, only fragments."];
        }

        schema.Initialize();
        // The rules' own pass over the document, as DocumentValidator makes it, without the step that reads the variables' values.
        var context = new ValidationContext
        {
            TypeInfo = new TypeInfo(schema),
            Schema = schema,
            Document = parsed,
            Operation = operation,
            UserContext = new Dictionary<string, object?>(),
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
            Metrics = Metrics.None,
            CancellationToken = cancellationToken,
        };
        var visitors = new List<INodeVisitor> { context.TypeInfo };
        foreach (var rule in DocumentValidator.CoreRules)
        {
            if (await rule.GetPreNodeVisitorAsync(context) is { } visitor)
            {
                visitors.Add(visitor);
            }
        }

        await new BasicVisitor(visitors).VisitAsync(parsed, new BasicVisitor.State(context));
        return [.. context.Errors.Select(error => error.Message)];
    }
}
