using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL;

namespace Digibank.Api.GraphQL.Relay;

/// <summary>Opaque Relay ids: the base64url form of <c>TypeName:key</c>, so a client cannot mistake a course id for a help point id.</summary>
public static class GlobalId
{
    public static string Encode(string typeName, int id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{id.ToString(CultureInfo.InvariantCulture)}"));

    public static bool TryDecode(string? globalId, out string typeName, out int id)
    {
        typeName = string.Empty;
        id = 0;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 200)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[Base64Url.GetMaxDecodedLength(globalId.Length)];
        if (Base64Url.DecodeFromChars(globalId, buffer, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer[..written]);
        var separator = text.IndexOf(':');
        if (separator <= 0 || !int.TryParse(text.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            return false;
        }

        typeName = text[..separator];
        return true;
    }

    /// <summary>Decodes an id that must belong to <paramref name="expectedType"/>; anything else is a client error.</summary>
    public static int DecodeFor(string expectedType, string? globalId) =>
        TryDecode(globalId, out var typeName, out var id) && typeName == expectedType
            ? id
            : throw new ExecutionError($"'{globalId}' is not a valid {expectedType} id.") { Code = ErrorCodes.InvalidId };
}
