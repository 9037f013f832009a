using System.ComponentModel;
using Digibank.Api.GraphQL.Mutations;

namespace Digibank.Api.Partners;

public sealed record RegisterTrustedDocumentsPayload(
    [property: Description("`sha256:<hex>` of each document, in the order given.")] IReadOnlyList<string>? DocumentIds) : Payload;
