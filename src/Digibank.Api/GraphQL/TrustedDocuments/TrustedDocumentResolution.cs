using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace Digibank.Api.GraphQL.TrustedDocuments;

/// <summary>
/// Turns a request for a document by its id into that document, for every transport: <c>documentId</c> (the
/// GraphQL-over-HTTP persisted documents convention) and Apollo's automatic persisted queries
/// (<c>extensions.persistedQuery.sha256Hash</c>). With <see cref="TrustedDocumentOptions.AnonymousOnly"/> an anonymous
/// caller runs trusted documents only, and cannot register new ones.
/// </summary>
public sealed class TrustedDocumentResolution(TrustedDocumentStore store, DocumentIds documentIds, IOptions<TrustedDocumentOptions> options) : IConfigureExecution
{
    /// <summary>Set when the request ran a trusted document: its id. Such anonymous GETs may be cached by browsers and CDNs.</summary>
    public const string TrustedDocumentIdKey = "digibank.trustedDocumentId";

    /// <summary>The request extension of Apollo's automatic persisted queries.</summary>
    public const string PersistedQueryExtension = "persistedQuery";

    // Before the document cache, which looks documents up by their text.
    public float SortOrder => 100;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions execution, ExecutionDelegate next)
    {
        var cancellationToken = execution.CancellationToken;
        var trustedOnly = options.Value.AnonymousOnly && execution.User?.Identity?.IsAuthenticated != true;

        if (execution.DocumentId is { } documentId)
        {
            if (execution.Query is not null)
            {
                return Refused(ErrorCodes.InvalidRequest, "Send either `query` or `documentId`, not both.");
            }

            if (!TrustedDocument.IsWellFormedId(documentId))
            {
                return Refused(ErrorCodes.InvalidDocumentId, "A `documentId` is `sha256:` followed by the 64 lower-case hex digits of the document's SHA-256.");
            }

            execution.Query = await store.FindAsync(documentId, cancellationToken);
            if (execution.Query is null)
            {
                return Refused(ErrorCodes.DocumentNotFound, "No partner site registered this document. Send its `query`, or ask the coordinator to register it.");
            }

            execution.UserContext[TrustedDocumentIdKey] = documentId;
            return await next(execution);
        }

        if (execution.Extensions?.TryGetValue(PersistedQueryExtension, out var persistedQuery) == true)
        {
            if (persistedQuery is not IReadOnlyDictionary<string, object?> { } fields
                || fields.GetValueOrDefault("sha256Hash") is not string hash
                || !TrustedDocument.IsWellFormedId(TrustedDocument.IdPrefix + hash))
            {
                return Refused(ErrorCodes.InvalidRequest, "`extensions.persistedQuery` needs `version: 1` and `sha256Hash`: the 64 lower-case hex digits of the query's SHA-256.");
            }

            return await AutomaticAsync(execution, next, hash, trustedOnly);
        }

        if (trustedOnly && execution.Query is { } query)
        {
            var id = documentIds.Of(query);
            if (await store.FindAsync(id, cancellationToken) is null)
            {
                return TrustedDocumentRequired();
            }

            execution.UserContext[TrustedDocumentIdKey] = id;
        }

        return await next(execution);
    }

    /// <summary>
    /// Apollo's automatic persisted queries: a hash alone runs a document known by it; a hash with its query
    /// registers the query (after it ran without error, so only valid documents are kept) and runs it.
    /// </summary>
    private async Task<ExecutionResult> AutomaticAsync(ExecutionOptions execution, ExecutionDelegate next, string hash, bool trustedOnly)
    {
        var id = TrustedDocument.IdPrefix + hash;
        var trusted = await store.FindAsync(id, execution.CancellationToken);
        if (execution.Query is null)
        {
            execution.Query = trusted ?? (trustedOnly ? null : store.FindAutomatic(hash));
            if (execution.Query is null)
            {
                // Apollo's clients recognise this message and resend the hash with the query.
                return Refused(ErrorCodes.PersistedQueryNotFound, "PersistedQueryNotFound");
            }
        }
        else if (documentIds.Of(execution.Query) != id)
        {
            return Refused(ErrorCodes.InvalidRequest, "`extensions.persistedQuery.sha256Hash` is not the SHA-256 of the query.");
        }

        if (trusted is not null)
        {
            execution.UserContext[TrustedDocumentIdKey] = id;
            return await next(execution);
        }

        if (trustedOnly)
        {
            return TrustedDocumentRequired();
        }

        var result = await next(execution);
        if (result.Executed)
        {
            store.AddAutomatic(hash, execution.Query);
        }

        return result;
    }

    private static ExecutionResult TrustedDocumentRequired() =>
        Refused(ErrorCodes.TrustedDocumentRequired,
            "Anonymous callers may run only the operations partner sites registered (trusted documents). Send a registered `documentId`, or sign in as staff.");

    private static ExecutionResult Refused(string code, string message) => new(new ExecutionError(message) { Code = code });
}
