using System.Security.Cryptography;
using System.Text;

namespace Digibank.Api.GraphQL.TrustedDocuments;

/// <summary>
/// An operation a partner site registered: clients send its id (<c>sha256:&lt;hex&gt;</c>, the GraphQL-over-HTTP
/// persisted documents convention) instead of its text, and anonymous GETs of it can be cached like a web page.
/// </summary>
public sealed class TrustedDocument
{
    public const string IdPrefix = "sha256:";

    /// <summary>The longest document: the longest request the transport takes.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary><c>sha256:</c> and the lower-case hex SHA-256 of the document's UTF-8 text.</summary>
    public required string Id { get; set; }

    public required string Query { get; set; }

    /// <summary>The set it belongs to: one per partner site, as its folder is named (<c>ligo-website</c>).</summary>
    public required string Set { get; set; }

    public DateTime RegisteredAt { get; set; }

    /// <summary>Who registered it: the coordinator's token subject, or <c>file</c> for a document read from the folder.</summary>
    public string? RegisteredBy { get; set; }

    public static string IdOf(string query) => IdPrefix + HexHashOf(query);

    /// <summary>The lower-case hex SHA-256 of the text, as Apollo's automatic persisted queries send it.</summary>
    public static string HexHashOf(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    /// <summary>Whether <paramref name="documentId"/> is a well-formed id: <c>sha256:</c> and 64 lower-case hex digits.</summary>
    public static bool IsWellFormedId(string documentId) =>
        documentId.Length == IdPrefix.Length + 64
        && documentId.StartsWith(IdPrefix, StringComparison.Ordinal)
        && documentId.AsSpan(IdPrefix.Length).ContainsAnyExcept("0123456789abcdef") is false;
}
