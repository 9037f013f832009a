using System.Collections.Concurrent;
using System.Text.Json;
using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Digibank.Api.GraphQL.TrustedDocuments;

/// <summary>
/// The trusted documents: the partner sites' folders, read at start-up, and the ones the coordinator registered
/// in the database, read at start-up and, for those another instance registered since, when first asked for.
/// Beside them, the documents clients registered by Apollo's automatic persisted queries, in memory and bounded.
/// </summary>
public sealed class TrustedDocumentStore(
    IDbContextFactory<DigibankDbContext> dbContextFactory,
    IOptions<TrustedDocumentOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<TrustedDocumentStore> logger) : IHostedService
{
    private readonly ConcurrentDictionary<string, string> _trusted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unknownUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _automatic = new(StringComparer.Ordinal);

    public int Count => _trusted.Count;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(environment.ContentRootPath, options.Value.Folder);
        var fromFiles = Directory.Exists(folder) ? ReadFolder(folder) : [];
        foreach (var document in fromFiles)
        {
            _trusted[document.Id] = document.Query;
        }

        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var registered = await db.TrustedDocuments.AsNoTracking().Select(d => new { d.Id, d.Query }).ToListAsync(cancellationToken);
        foreach (var document in registered)
        {
            _trusted[document.Id] = document.Query;
        }

        logger.LogInformation("Trusted documents: {FromFiles} from {Folder}, {Registered} registered", fromFiles.Count, folder, registered.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The text of a trusted document, or null when no partner registered <paramref name="documentId"/>.</summary>
    public async ValueTask<string?> FindAsync(string documentId, CancellationToken cancellationToken)
    {
        if (_trusted.TryGetValue(documentId, out var query))
        {
            return query;
        }

        var now = clock.GetUtcNow();
        if (_unknownUntil.TryGetValue(documentId, out var until) && now < until)
        {
            return null;
        }

        // Registered through another instance since this one started: one look in the database, then kept.
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        query = await db.TrustedDocuments.Where(d => d.Id == documentId).Select(d => d.Query).SingleOrDefaultAsync(cancellationToken);
        if (query is not null)
        {
            _trusted[documentId] = query;
            _unknownUntil.TryRemove(documentId, out _);
        }
        else if (_unknownUntil.Count < options.Value.MaxUnknownDocuments || _unknownUntil.ContainsKey(documentId))
        {
            _unknownUntil[documentId] = now + options.Value.RecheckUnknownAfter;
        }

        return query;
    }

    /// <summary>Registered here and now: these ids are looked up again at once, not after <see cref="TrustedDocumentOptions.RecheckUnknownAfter"/>.</summary>
    public void Registered(IEnumerable<string> documentIds)
    {
        foreach (var id in documentIds)
        {
            _unknownUntil.TryRemove(id, out _);
        }
    }

    /// <summary>Whether this instance knows <paramref name="documentId"/> as trusted, without asking the database.</summary>
    public bool IsKnown(string documentId) => _trusted.ContainsKey(documentId);

    public string? FindAutomatic(string hexHash) => _automatic.GetValueOrDefault(hexHash);

    /// <summary>Keeps a document a client registered; when full, the oldest are not pushed out, new ones are just not kept.</summary>
    public void AddAutomatic(string hexHash, string query)
    {
        if (_automatic.Count < options.Value.MaxAutomaticDocuments)
        {
            _automatic.TryAdd(hexHash, query);
        }
    }

    /// <summary>
    /// Reads <c>&lt;folder&gt;/&lt;set&gt;/*.graphql</c> (the file's text is the document) and <c>*.json</c> manifests
    /// (<c>{ "sha256:&lt;hex&gt;": "query …" }</c>, as GraphQL Code Generator writes them). A manifest entry whose id is not
    /// its document's hash stops the start, naming the file: a client would never get that document.
    /// </summary>
    public static List<TrustedDocument> ReadFolder(string folder)
    {
        var documents = new List<TrustedDocument>();
        foreach (var setFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var set = Path.GetFileName(setFolder);
            foreach (var file in Directory.EnumerateFiles(setFolder, "*.graphql").Order(StringComparer.Ordinal))
            {
                var query = File.ReadAllText(file);
                documents.Add(new TrustedDocument { Id = TrustedDocument.IdOf(query), Query = query, Set = set, RegisteredBy = "file" });
            }

            foreach (var file in Directory.EnumerateFiles(setFolder, "*.json").Order(StringComparer.Ordinal))
            {
                var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))
                    ?? throw new InvalidDataException($"{file} is not a JSON object of document ids and documents.");
                foreach (var (id, query) in manifest)
                {
                    var expected = TrustedDocument.IdOf(query);
                    if (id != expected && TrustedDocument.IdPrefix + id != expected)
                    {
                        throw new InvalidDataException($"{file}: the document listed as '{id}' has the id '{expected}'.");
                    }

                    documents.Add(new TrustedDocument { Id = expected, Query = query, Set = set, RegisteredBy = "file" });
                }
            }
        }

        return documents;
    }
}
