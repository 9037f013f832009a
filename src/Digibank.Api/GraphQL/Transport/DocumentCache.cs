using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// Keeps parsed and validated documents by their text. Partner websites send the same few queries
/// over and over, so parsing and validation happen once; variables are still checked each time.
/// </summary>
public sealed class DocumentCache : IConfigureExecution
{
    public const int MaxEntries = 2000;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        var cached = _documents.TryGetValue(query, out var document);
        if (cached)
        {
            options.Document = document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }

        var result = await next(options);
        // Only documents that passed validation are kept, and the cache stops growing when full
        // rather than letting a client fill memory with one-off queries.
        if (!cached && result.Executed && result.Document is not null && _documents.Count < MaxEntries)
        {
            _documents.TryAdd(query, result.Document);
        }

        return result;
    }
}

/// <summary>Refuses mutations and subscriptions sent with GET, which caches and link prefetchers may repeat.</summary>
public sealed class QueriesOnlyOverGetRule : ValidationRuleBase
{
    public const string UserContextKey = "digibank.queriesOnly";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.UserContext.ContainsKey(UserContextKey) && context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new ValidationError($"A {context.Operation.Operation.ToString().ToLowerInvariant()} must be sent with POST.")
            {
                Code = ErrorCodes.MethodNotAllowed,
            });
        }

        return default;
    }
}
