using System.Buffers;
using System.Text;
using System.Text.Json;
using Digibank.Api.GraphQL.Limits;
using Digibank.Api.GraphQL.TrustedDocuments;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// GraphQL over HTTP (the GraphQL-over-HTTP specification): POST with JSON, GET for queries,
/// <c>application/graphql-response+json</c> by default and <c>application/json</c> for clients that ask for it.
/// </summary>
public sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<ISchema> executer,
    PipeWritingSerializer serializer,
    IOptions<GraphQLTransportOptions> options,
    PublicCaching caching)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    public async Task HandleAsync(HttpContext http)
    {
        var responseMediaType = NegotiateResponseMediaType(http.Request);
        if (responseMediaType is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, JsonMediaType, ErrorCodes.NotAcceptable,
                $"The response can be sent as {GraphQLResponseMediaType} or {JsonMediaType}.");
            return;
        }

        // A token that does not validate is refused outright, rather than quietly treated as anonymous.
        if (http.Request.Headers.Authorization.Count > 0 && http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, responseMediaType, ErrorCodes.InvalidToken,
                "The bearer token is not valid or has expired. Ask for a new staff token.");
            return;
        }

        var (request, failure) = HttpMethods.IsGet(http.Request.Method)
            ? ReadFromQueryString(http.Request)
            : await ReadFromBodyAsync(http.Request);
        if (failure is not null)
        {
            await WriteErrorAsync(http, failure.Value.Status, responseMediaType, failure.Value.Code, failure.Value.Message);
            return;
        }

        var execution = request!.ToExecutionOptions(http, http.User, http.RequestAborted);
        execution.UserContext[HttpOperationRule.UserContextKey] = http.Request.Method;

        var result = await executer.ExecuteAsync(execution);
        http.Response.StatusCode = StatusFor(result, responseMediaType);
        if (execution.UserContext.TryGetValue(RateLimits.RetryAfterKey, out var retryAfter) && retryAfter is TimeSpan wait)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = RateLimits.RetryAfterHeader(wait);
        }

        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = "POST";
        }

        http.Response.ContentType = $"{responseMediaType}; charset=utf-8";
        if (PublicCaching.IsCacheable(http, execution, result))
        {
            await caching.WriteCacheableAsync(http, result);
            return;
        }

        http.Response.Headers.CacheControl = "no-store";
        await serializer.WriteAsync(http.Response, result, http.RequestAborted);
    }

    /// <summary>The answer to a request the rate limiter refused: 429, when to come back, and a GraphQL error with a code.</summary>
    public async Task WriteRateLimitedAsync(HttpContext http, TimeSpan? retryAfter, string message, CancellationToken cancellationToken)
    {
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = RateLimits.RetryAfterHeader(wait);
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.ContentType = $"{NegotiateResponseMediaType(http.Request) ?? JsonMediaType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult(new ExecutionError(message) { Code = ErrorCodes.RateLimited }), cancellationToken);
    }

    private static int StatusFor(ExecutionResult result, string responseMediaType)
    {
        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        if (result.Errors?.Any(error => error.Code == ErrorCodes.MethodNotAllowed) == true)
        {
            return StatusCodes.Status405MethodNotAllowed;
        }

        // The specification keeps 200 for clients that only understand application/json.
        return responseMediaType == GraphQLResponseMediaType ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }

    private static string? NegotiateResponseMediaType(HttpRequest request)
    {
        // A client that names no type, or takes any, is taken to be a JSON client from before the specification
        // (curl, fetch, older libraries): the specification asks for application/json then, with its 200 on errors.
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return JsonMediaType;
        }

        foreach (var mediaType in accept.Where(value => value.Quality is not 0).OrderByDescending(value => value.Quality ?? 1))
        {
            if (mediaType.MediaType.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase)
                || mediaType.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseMediaType;
            }

            if (mediaType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
                || mediaType.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase))
            {
                return JsonMediaType;
            }
        }

        return null;
    }

    private (GraphQLRequest? Request, Failure? Failure) ReadFromQueryString(HttpRequest request)
    {
        if (request.QueryString.Value?.Length > options.Value.MaxRequestBytes)
        {
            return (null, Failure.TooLarge(options.Value.MaxRequestBytes));
        }

        var query = request.Query;
        try
        {
            var graphQLRequest = new GraphQLRequest
            {
                Query = query["query"] is { Count: > 0 } text ? text.ToString() : null,
                DocumentId = query["documentId"] is { Count: > 0 } documentId ? documentId.ToString() : null,
                OperationName = query["operationName"] is { Count: > 0 } name ? name.ToString() : null,
                Variables = query["variables"] is { Count: > 0 } variables ? serializer.Deserialize<Inputs>(variables.ToString()) : null,
                Extensions = query["extensions"] is { Count: > 0 } extensions ? serializer.Deserialize<Inputs>(extensions.ToString()) : null,
            };
            return Checked(graphQLRequest);
        }
        catch (JsonException)
        {
            var problem = JsonProblem.Describe(Encoding.UTF8.GetBytes(query["variables"].ToString())) ?? JsonProblem.Describe(Encoding.UTF8.GetBytes(query["extensions"].ToString()));
            return (null, new Failure(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, $"`variables` and `extensions` must be JSON objects. {problem}".TrimEnd()));
        }
    }

    private async Task<(GraphQLRequest? Request, Failure? Failure)> ReadFromBodyAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return (null, new Failure(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed, "Send GraphQL requests with POST, or queries with GET."));
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
            || (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, new Failure(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, $"Send the request body as {JsonMediaType} in UTF-8."));
        }

        var limit = options.Value.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            return (null, Failure.TooLarge(limit));
        }

        using var body = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(), request.HttpContext.RequestAborted)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return (null, Failure.TooLarge(limit));
                }

                body.Write(buffer, 0, read);
            }

            return Checked(serializer.Read<GraphQLRequest>(body.GetBuffer().AsSpan(0, (int)body.Length)));
        }
        catch (JsonException)
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson,
                JsonProblem.Describe(body.GetBuffer().AsSpan(0, (int)body.Length)) ?? "The request body must be a JSON object with a `query`."));
        }
        catch (BadHttpRequestException)
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "The request body ended early."));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (GraphQLRequest? Request, Failure? Failure) Checked(GraphQLRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Query) && request?.DocumentId is null && request?.Extensions?.ContainsKey(TrustedDocumentResolution.PersistedQueryExtension) != true
            ? (null, new Failure(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "The request has no `query` (nor a `documentId` of a trusted document)."))
            : (request, null);

    private async Task WriteErrorAsync(HttpContext http, int status, string mediaType, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        if (status == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = "GET, POST";
        }

        await serializer.WriteAsync(http.Response.Body, new ExecutionResult(new ExecutionError(message) { Code = code }), http.RequestAborted);
    }

    private readonly record struct Failure(int Status, string Code, string Message)
    {
        public static Failure TooLarge(int limit) =>
            new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, $"The request is larger than {limit} bytes.");
    }
}

/// <summary>Says what is wrong with JSON that could not be read, so a client is not told only "invalid".</summary>
internal static class JsonProblem
{
    /// <summary>The nesting System.Text.Json reads by default, and so the most a request may have.</summary>
    public const int MaxDepth = 64;

    /// <summary>What is wrong with <paramref name="json"/>, or null when it is well-formed JSON.</summary>
    public static string? Describe(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return null;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    reader.GetString();
                }
            }

            return null;
        }
        catch (InvalidOperationException)
        {
            return "A text in the JSON is not valid UTF-8.";
        }
        catch (JsonException) when (reader.CurrentDepth >= MaxDepth - 1)
        {
            return $"The JSON is nested deeper than {MaxDepth} levels.";
        }
        catch (JsonException error)
        {
            return $"The JSON is not well-formed (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}).";
        }
    }
}
