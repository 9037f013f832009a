using Digibank.Api.Data;
using Digibank.Api.GraphQL.TrustedDocuments;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Partners;

/// <summary>The GraphQL transport's trusted documents, as <see cref="TrustedDocumentRegistry"/> registers them.</summary>
public sealed class TrustedDocumentStorage(TrustedDocumentValidator validator) : ITrustedDocumentStorage
{
    public int MaxLength => TrustedDocument.MaxLength;

    public string IdOf(string document) => TrustedDocument.IdOf(document);

    public Task<IReadOnlyList<string>> ProblemsWithAsync(string document, CancellationToken cancellationToken) =>
        validator.ProblemsWithAsync(document, cancellationToken);

    public Task<List<string>> KnownAsync(DigibankDbContext db, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        db.TrustedDocuments.Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);

    public void Add(DigibankDbContext db, string id, string document, string set, DateTime registeredAt, string registeredBy) =>
        db.TrustedDocuments.Add(new TrustedDocument { Id = id, Query = document, Set = set, RegisteredAt = registeredAt, RegisteredBy = registeredBy });
}
