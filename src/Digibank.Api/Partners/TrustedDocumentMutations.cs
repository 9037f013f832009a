using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.GraphQL.TrustedDocuments;
using Digibank.Api.Staff;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Partners;

public static class TrustedDocumentMutations
{
    public const int MaxDocumentsPerCall = 100;
    public const int MaxSetNameLength = 100;

    public static void AddTrustedDocumentMutations(this ObjectGraphType mutation) =>
        mutation.StaffMutation<RegisterTrustedDocumentsInput, RegisterTrustedDocumentsPayload>("registerTrustedDocuments", RegisterAsync,
            "Registers the operations a partner site uses (the coordinator only), so its visitors' browsers send `documentId` instead of the text, " +
            "anonymous GETs of them can be cached, and a deployment that takes trusted documents only from anonymous callers answers them.",
            payload: "The id of each document, in the order given: `sha256:` and the hex SHA-256 of its text. When one does not validate against the schema, none is registered.",
            typeof(InvalidDocumentError));

    private static async Task<Result<RegisterTrustedDocumentsPayload>> RegisterAsync(MutationCall<RegisterTrustedDocumentsInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var set = input.Set.Trim();
        call.Rules.Require(set.Length is > 0 and <= MaxSetNameLength && set.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'), nameof(input.Set),
            $"Name the set like its folder: letters, digits, '-', '_' or '.', at most {MaxSetNameLength} characters.");
        call.Rules.Require(input.Documents.Count is > 0 and <= MaxDocumentsPerCall, nameof(input.Documents), $"Give 1 to {MaxDocumentsPerCall} documents.");
        if (!staff.IsCoordinator)
        {
            return new NotAllowedError("Only the regional coordinator registers a partner site's operations.");
        }

        // A document that cannot run would only fail on the site's pages, later, for its visitors: the call registers all or none.
        var ids = input.Documents.Select(TrustedDocument.IdOf).ToList();
        var validator = call.Service<TrustedDocumentValidator>();
        for (var index = 0; index < Math.Min(input.Documents.Count, MaxDocumentsPerCall); index++)
        {
            var problems = input.Documents[index].Length > TrustedDocument.MaxLength
                ? [$"It is longer than {TrustedDocument.MaxLength} characters."]
                : await validator.ProblemsWithAsync(input.Documents[index], cancellationToken);
            if (problems.Count > 0)
            {
                call.Rules.Add(new InvalidDocumentError($"Document {index} ({ids[index]}) does not validate: {string.Join(" ", problems)}", index, ids[index]));
            }
        }

        var db = await call.BeginAsync();
        var known = await db.TrustedDocuments.Where(d => ids.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var (id, query) in ids.Zip(input.Documents).DistinctBy(document => document.First).Where(document => !known.Contains(document.First)))
        {
            db.TrustedDocuments.Add(new TrustedDocument { Id = id, Query = query, Set = set, RegisteredAt = now, RegisteredBy = staff.Subject });
        }

        // This instance may have answered one of them as unknown a moment ago; other instances look again within seconds.
        var store = call.Service<TrustedDocumentStore>();
        call.AfterCommit(() => store.Registered(ids));
        return new RegisterTrustedDocumentsPayload(ids);
    }
}
