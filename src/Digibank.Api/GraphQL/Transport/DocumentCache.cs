using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// Keeps parsed and validated documents by their text. Partner websites send the same few queries
/// over and over, so parsing and validation happen once; variables are still checked each time.
/// </summary>
public sealed class DocumentCache : IConfigureExecution
{
    public const int MaxEntries = 2000;

    private readonly ConcurrentDictionary<string, CachedDocument> _documents = new(StringComparer.Ordinal);

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        var cached = _documents.TryGetValue(query, out var entry);
        if (cached)
        {
            options.Document = entry!.Document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            // Without variables a document's complexity is the same on every run, and it passed the limit when it
            // was cached; with variables (a page size, say) it is measured again each time.
            if (!entry.HasVariables)
            {
                options.ValidationRules = [.. options.ValidationRules.Where(rule => rule is not ComplexityValidationRule)];
            }
        }

        var result = await next(options);
        // Only documents that passed validation are kept, and the cache stops growing when full
        // rather than letting a client fill memory with one-off queries.
        if (!cached && result.Executed && result.Document is { } document && _documents.Count < MaxEntries)
        {
            var hasVariables = document.Definitions.OfType<GraphQLOperationDefinition>().Any(operation => operation.Variables?.Count > 0);
            _documents.TryAdd(query, new CachedDocument(document, hasVariables));
        }

        return result;
    }

    /// <summary>A validated document, and whether any of its operations takes variables, worked out once when it is kept.</summary>
    private sealed record CachedDocument(GraphQLDocument Document, bool HasVariables);
}
