using System.ComponentModel;

namespace Digibank.Api.Partners;

[Description("A document that would not run against the schema; nothing of the call was registered.")]
public sealed record InvalidDocumentError(
    string Message,
    [property: Description("Its place in `documents`, 0 first.")] int Index,
    [property: Description("`sha256:` and the hex SHA-256 of its text.")] string DocumentId)
    : UserError(Message, "INVALID_DOCUMENT");
