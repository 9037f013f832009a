using Digibank.Api.Data;

namespace Digibank.Api.Partners;

/// <summary>
/// What registering a site's operations needs of the trusted documents the GraphQL transport answers from: their ids, the
/// schema's verdict on a document, and their table. <see cref="TrustedDocumentStorage"/> is the one the API uses.
/// </summary>
public interface ITrustedDocumentStorage
{
    /// <summary>The longest document the transport takes.</summary>
    int MaxLength { get; }

    /// <summary><c>sha256:</c> and the hex SHA-256 of the document's text: the id a site's visitors send.</summary>
    string IdOf(string document);

    /// <summary>Why the document would not run against the schema; empty when it would.</summary>
    Task<IReadOnlyList<string>> ProblemsWithAsync(string document, CancellationToken cancellationToken);

    /// <summary>Which of these ids are registered already.</summary>
    Task<List<string>> KnownAsync(DigibankDbContext db, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    void Add(DigibankDbContext db, string id, string document, string set, DateTime registeredAt, string registeredBy);
}
