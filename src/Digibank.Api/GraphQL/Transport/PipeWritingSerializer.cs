using System.Text.Json;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// GraphQL.NET's System.Text.Json serializer, which also writes an answer straight into Kestrel's response pipe
/// as minimal APIs do (through a Stream over the pipe, each of the serializer's flushes takes the connection's
/// lock and copies the bytes once more), and reads a request body already in memory without a Stream around it.
/// </summary>
public sealed class PipeWritingSerializer(IErrorInfoProvider errorInfoProvider) : GraphQLSerializer(errorInfoProvider)
{
    public Task WriteAsync(HttpResponse response, object value, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(response.BodyWriter, value, SerializerOptions, cancellationToken);

    public T? Read<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, SerializerOptions);
}
