using System.Collections.Concurrent;
using System.Diagnostics;
using Digibank.Api.GraphQL.TrustedDocuments;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace Digibank.Api.Observability;

/// <summary>
/// A span and a duration per GraphQL operation, whichever transport brought it (HTTP, WebSocket, a shared
/// subscription): it wraps the executer, outside the document cache, so parsing and validation count too.
/// It records the operation's name and type, a hash of the document and error codes; never the document,
/// never variables, never argument values, never error messages (they may quote input).
/// </summary>
public sealed class GraphQLTelemetry(DocumentIds documentIds, TrustedDocumentStore trustedDocuments, ILogger<GraphQLTelemetry> logger) : IConfigureExecution
{
    /// <summary>
    /// Distinct operation names tagged on metrics; later ones are counted as <see cref="DigibankTelemetry.OperationNames.Other"/>,
    /// except those of trusted documents, which the partner sites registered: any caller may send names, and those
    /// of the sites must stay apart however many others came first.
    /// </summary>
    public const int MaxOperationNames = 200;

    /// <summary>Longest operation name in a tag; longer names are cut.</summary>
    public const int MaxOperationNameLength = 64;

    private const int MaxErrorCodes = 10;

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    // Before the document cache (200) and the SQL budget (100): the span must be current while they run.
    public float SortOrder => 10;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var measured = DigibankTelemetry.OperationDuration.Enabled || logger.IsEnabled(LogLevel.Debug);
        using var activity = DigibankTelemetry.GraphQL.StartActivity(DigibankTelemetry.Spans.GraphQLOperation, ActivityKind.Internal);
        if (activity is null && !measured)
        {
            return await next(options);
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(DigibankTelemetry.Attributes.DocumentHash, options.Query is { } query ? documentIds.Of(query) : options.DocumentId);
        }

        var started = Stopwatch.GetTimestamp();
        ExecutionResult? result = null;
        try
        {
            result = await next(options);
            return result;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var operation = result?.Operation;
            var type = operation is null ? DigibankTelemetry.OperationNames.Unparsed : TypeOf(operation.Operation);
            var name = operation is null ? DigibankTelemetry.OperationNames.Unparsed : TagValueOf(operation.Name?.StringValue, options);
            if (activity is not null)
            {
                Describe(activity, type, name, result);
            }

            if (DigibankTelemetry.OperationDuration.Enabled)
            {
                DigibankTelemetry.OperationDuration.Record(
                    elapsed.TotalSeconds,
                    new KeyValuePair<string, object?>(DigibankTelemetry.Attributes.OperationName, name),
                    new KeyValuePair<string, object?>(DigibankTelemetry.Attributes.OperationType, type));
            }

            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("GraphQL {OperationType} {OperationName} took {ElapsedMs:0.0} ms with {ErrorCount} errors",
                    type, name, elapsed.TotalMilliseconds, result?.Errors?.Count ?? 0);
            }
        }
    }

    /// <summary>A bounded tag value for an operation name: names are cut, odd characters replaced, and only so many kept apart.</summary>
    private string TagValueOf(string? name, ExecutionOptions options)
    {
        if (string.IsNullOrEmpty(name))
        {
            return DigibankTelemetry.OperationNames.Anonymous;
        }

        if (_names.TryGetValue(name, out var value))
        {
            return value;
        }

        if (_names.Count >= MaxOperationNames && !(options.Query is { } query && trustedDocuments.IsKnown(documentIds.Of(query))))
        {
            return DigibankTelemetry.OperationNames.Other;
        }

        var clipped = name.Length > MaxOperationNameLength ? name[..MaxOperationNameLength] : name;
        value = string.Create(clipped.Length, clipped, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_' ? source[i] : '_';
            }
        });
        return _names.GetOrAdd(name, value);
    }

    private static string TypeOf(OperationType type) => type switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => "unknown",
    };

    private static void Describe(Activity activity, string type, string name, ExecutionResult? result)
    {
        activity.DisplayName = type == DigibankTelemetry.OperationNames.Unparsed ? "GraphQL Operation" : $"{type} {name}";
        activity.SetTag(DigibankTelemetry.Attributes.OperationType, type);
        activity.SetTag(DigibankTelemetry.Attributes.OperationName, name);
        if (result?.Errors is not { Count: > 0 } errors)
        {
            return;
        }

        activity.SetTag(DigibankTelemetry.Attributes.ErrorCount, errors.Count);
        // Codes only: a message may quote what the client sent.
        var codes = errors.Select(error => error.Code).OfType<string>().Distinct(StringComparer.Ordinal).Take(MaxErrorCodes).ToArray();
        if (codes.Length > 0)
        {
            activity.SetTag(DigibankTelemetry.Attributes.ErrorCodes, codes);
        }

        activity.SetStatus(ActivityStatusCode.Error, result.Executed ? "GraphQL errors" : "GraphQL request not executed");
    }
}
