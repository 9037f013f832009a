using System.ComponentModel;

namespace Digibank.Api.Partners;

public sealed record RegisterTrustedDocumentsInput(
    [property: Description("The partner site's set, as its folder would be named: \"ligo-website\".")] string Set,
    [property: Description("The documents, each exactly as the site sends it: its id is the SHA-256 of this text.")] IReadOnlyList<string> Documents);
