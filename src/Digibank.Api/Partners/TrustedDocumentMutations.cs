using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.GraphQL.TrustedDocuments;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.Partners;

public static class TrustedDocumentMutations
{
    public static void AddTrustedDocumentMutations(this ObjectGraphType mutation) =>
        mutation.StaffMutation<RegisterTrustedDocumentsInput, RegisterTrustedDocumentsPayload>("registerTrustedDocuments", RegisterAsync,
            "Registers the operations a partner site uses (a coordinator of any region: the documents are the deployment's, shared by every region's partner sites), so its visitors' browsers send `documentId` instead of the text, " +
            "anonymous GETs of them can be cached, and a deployment that takes trusted documents only from anonymous callers answers them.",
            payload: "The id of each document, in the order given: `sha256:` and the hex SHA-256 of its text. When one does not validate against the schema, none is registered.",
            typeof(InvalidDocumentError));

    private static async Task<Result<RegisterTrustedDocumentsPayload>> RegisterAsync(MutationCall<RegisterTrustedDocumentsInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var registry = new TrustedDocumentRegistry(new TrustedDocumentStorage(call.Service<TrustedDocumentValidator>()), now);
        var accepted = await registry.CheckAsync(new RegisterTrustedDocuments(input.Set, input.Documents, staff), call.Rules, cancellationToken);
        if (accepted.Value is not { } command)
        {
            return accepted.Error!;
        }

        var registered = await registry.RegisterAsync(await call.BeginAsync(), command, cancellationToken);
        // This instance may have answered one of them as unknown a moment ago; other instances look again within seconds.
        var store = call.Service<TrustedDocumentStore>();
        call.AfterCommit(() => store.Registered(registered.Value ?? []));
        return registered.Map(ids => new RegisterTrustedDocumentsPayload(ids));
    }
}
