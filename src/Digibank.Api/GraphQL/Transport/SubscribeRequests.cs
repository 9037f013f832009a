using System.Text.Json;
using Digibank.Api.GraphQL.TrustedDocuments;
using GraphQL;
using GraphQL.Transport;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>The request a graphql-transport-ws <c>subscribe</c> message carries.</summary>
internal static class SubscribeRequests
{
    /// <summary>The request in a subscribe message, a trusted document's text put in for its id; null when there is none.</summary>
    public static async Task<GraphQLRequest?> ReadAsync(
        IGraphQLTextSerializer serializer, TrustedDocumentStore trustedDocuments, JsonElement payload, CancellationToken cancellationToken)
    {
        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
        }
        catch (JsonException)
        {
            return null;
        }

        if (request is null || (string.IsNullOrWhiteSpace(request.Query) && request.DocumentId is null))
        {
            return null;
        }

        // A trusted document sent by its id is a subscription or not by its text. An id that is malformed or unknown
        // stays in the request, and the executer answers it with its error.
        if (request.Query is null && request.DocumentId is { } documentId && TrustedDocument.IsWellFormedId(documentId)
            && await trustedDocuments.FindAsync(documentId, cancellationToken) is { } trusted)
        {
            request.Query = trusted;
            request.DocumentId = null;
        }

        return request;
    }
}
