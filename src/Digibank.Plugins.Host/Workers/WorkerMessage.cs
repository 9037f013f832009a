using System.Text.Json;
using System.Text.Json.Serialization;

namespace Digibank.Plugins.Host.Workers;

/// <summary>
/// One line a worker writes on its standard output for the supervisor: that the plug-in loaded (and for which
/// partner), that it could not be loaded, a log message, or the result of the run.
/// </summary>
internal sealed record WorkerMessage(
    WorkerEvent Event,
    string? PartnerCode = null,
    string? Error = null,
    WorkerLogLevel? Level = null,
    string? Message = null,
    WorkerRunResult? Result = null)
{
    /// <summary>A longer line is not from the worker's own code: the supervisor drops it rather than hold it in memory.</summary>
    public const int MaxLineLength = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>The message on a line, or null for anything else a plug-in may have written there.</summary>
    public static WorkerMessage? Parse(string line)
    {
        if (!line.StartsWith('{'))
            return null;
        try
        {
            return JsonSerializer.Deserialize<WorkerMessage>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal enum WorkerEvent
{
    Loaded,
    LoadFailed,
    Log,
    Result,
}

internal enum WorkerLogLevel
{
    Information,
    Warning,
    Error,
}

/// <summary>
/// How a run in a worker ended, with what the API answered (the counts of its offers and sign-ups).
/// <c>OutOfMemory</c>: the plug-in ran into the worker's memory limit, and the supervisor counts it as a crash.
/// </summary>
internal sealed record WorkerRunResult(
    SyncOutcome Outcome,
    string? Error,
    bool OutOfMemory,
    int OffersCreated,
    int OffersUpdated,
    int OffersUnchanged,
    int OffersWithdrawn,
    int OffersRejected,
    int SignUpsSent,
    int ChangesDelivered);
