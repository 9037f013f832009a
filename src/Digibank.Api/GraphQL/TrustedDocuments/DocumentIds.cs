using System.Collections.Concurrent;

namespace Digibank.Api.GraphQL.TrustedDocuments;

/// <summary>
/// The id of a document's text (<see cref="TrustedDocument.IdOf"/>), kept for the texts partner sites send again and
/// again: the check of trusted documents and the span of every operation both ask for it on each request.
/// </summary>
public sealed class DocumentIds
{
    /// <summary>Texts kept at most: one-off documents do not grow this without limit.</summary>
    public const int MaxKept = 2000;

    private readonly ConcurrentDictionary<string, string> _ids = new(StringComparer.Ordinal);

    public string Of(string query)
    {
        if (_ids.TryGetValue(query, out var id))
        {
            return id;
        }

        id = TrustedDocument.IdOf(query);
        if (_ids.Count < MaxKept)
        {
            _ids.TryAdd(query, id);
        }

        return id;
    }
}
