using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphQL;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>The graphql-transport-ws messages the server sends, in UTF-8 JSON.</summary>
internal static class GraphQLWebSocketMessages
{
    public static string ErrorsOf(IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        using var document = JsonDocument.Parse(serializer.Serialize(result));
        return document.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
    }

    public static string Errors(string message, string code) =>
        JsonSerializer.Serialize(new[] { new { message, extensions = new { code } } });

    public static byte[] Message(string id, string type, string? rawPayload) =>
        Message(id, type, rawPayload is null ? null : Encoding.UTF8.GetBytes(rawPayload));

    /// <summary>
    /// A protocol message around a payload that is already JSON in UTF-8: a shared subscription's event is
    /// serialised and encoded once and only copied into each subscriber's message, never transcoded again.
    /// </summary>
    public static byte[] Message(string id, string type, byte[]? payload)
    {
        var buffer = new ArrayBufferWriter<byte>((payload?.Length ?? 0) + 64 + id.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("type", type);
            if (payload is not null)
            {
                json.WritePropertyName("payload");
                json.WriteRawValue(payload, skipInputValidation: true);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The <c>next</c> messages of one operation: its id is written once, so each event costs one copy of the shared
    /// payload into one array, however many subscribers it goes to.
    /// </summary>
    public static Func<byte[], byte[]> NextMessages(string id)
    {
        var head = Encoding.UTF8.GetBytes($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"next","payload":""");
        return payload =>
        {
            var message = new byte[head.Length + payload.Length + 1];
            head.CopyTo(message, 0);
            payload.CopyTo(message, head.Length);
            message[^1] = (byte)'}';
            return message;
        };
    }
}
