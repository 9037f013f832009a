using Digibank.Api.Data;

namespace Digibank.Api.Partners;

/// <summary>
/// The rules of registering a partner site's operations, whoever asks: only the regional coordinator registers; a set is
/// named like its folder; every document must run against the schema, or none of the call is registered (a document that
/// cannot run would only fail later, on the site's pages, for its visitors); a document registered before stays as it was.
/// </summary>
public sealed class TrustedDocumentRegistry(ITrustedDocumentStorage storage, DateTime now)
{
    public const int MaxDocumentsPerCall = 100;
    public const int MaxSetNameLength = 100;

    /// <summary>
    /// Everything that can be said before the write: the set's name and the number of documents, who asks, and each
    /// document's problems, every one of them into <paramref name="rules"/> (an <see cref="InvalidDocumentError"/> per
    /// document). Returns the command with its set's name trimmed, or why the caller may not register.
    /// </summary>
    public async Task<Result<RegisterTrustedDocuments>> CheckAsync(RegisterTrustedDocuments command, InputRules rules, CancellationToken cancellationToken)
    {
        var (set, documents, staff) = command with { Set = command.Set.Trim() };
        rules.Require(set.Length is > 0 and <= MaxSetNameLength && set.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'), nameof(command.Set),
            $"Name the set like its folder: letters, digits, '-', '_' or '.', at most {MaxSetNameLength} characters.");
        rules.Require(documents.Count is > 0 and <= MaxDocumentsPerCall, nameof(command.Documents), $"Give 1 to {MaxDocumentsPerCall} documents.");
        if (!staff.IsCoordinator)
        {
            return new NotAllowedError("Only the regional coordinator registers a partner site's operations.");
        }

        for (var index = 0; index < Math.Min(documents.Count, MaxDocumentsPerCall); index++)
        {
            var problems = documents[index].Length > storage.MaxLength
                ? [$"It is longer than {storage.MaxLength} characters."]
                : await storage.ProblemsWithAsync(documents[index], cancellationToken);
            if (problems.Count > 0)
            {
                var id = storage.IdOf(documents[index]);
                rules.Add(new InvalidDocumentError($"Document {index} ({id}) does not validate: {string.Join(" ", problems)}", index, id));
            }
        }

        return command with { Set = set };
    }

    /// <summary>Registers the documents <see cref="CheckAsync"/> accepted; returns the id of each, in the order given.</summary>
    public async Task<Result<IReadOnlyList<string>>> RegisterAsync(DigibankDbContext db, RegisterTrustedDocuments command, CancellationToken cancellationToken)
    {
        var ids = command.Documents.Select(storage.IdOf).ToList();
        var known = await storage.KnownAsync(db, ids, cancellationToken);
        foreach (var (id, document) in ids.Zip(command.Documents).DistinctBy(document => document.First).Where(document => !known.Contains(document.First)))
        {
            storage.Add(db, id, document, command.Set, now, command.Staff.Subject);
        }

        return new Result<IReadOnlyList<string>>(ids, null);
    }
}
