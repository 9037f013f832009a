using System.Diagnostics;
using System.Diagnostics.Metrics;
using Digibank.Plugins.Host;

namespace Digibank.Api.Observability;

/// <summary>
/// Every name this API reports telemetry under, and the one ActivitySource and Meter it reports through.
/// Nothing here may carry personal data: tags hold names of operations, codes and counts, never values.
/// </summary>
public static class DigibankTelemetry
{
    /// <summary>The service name exporters label everything with.</summary>
    public const string ServiceName = "Digibank.Api";

    /// <summary>The ActivitySource of GraphQL operations.</summary>
    public const string GraphQLSourceName = "Digibank.GraphQL";

    /// <summary>The Meter of this API's own instruments.</summary>
    public const string MeterName = "Digibank";

    /// <summary>The plug-in host's ActivitySource and Meter (it lives in its own project, and runs in this process too).</summary>
    public const string PluginHostName = PluginHostTelemetry.Name;

    public static class Spans
    {
        /// <summary>The span name until the document is parsed; then "{type} {name}", as the semantic conventions say.</summary>
        public const string GraphQLOperation = "graphql.operation";
    }

    public static class Attributes
    {
        public const string OperationName = "graphql.operation.name";
        public const string OperationType = "graphql.operation.type";

        /// <summary>"sha256:" and the lowercase hex SHA-256 of the query text: the form of a persisted document's id.</summary>
        public const string DocumentHash = "graphql.document.hash";
        public const string ErrorCount = "graphql.error.count";
        public const string ErrorCodes = "graphql.error.codes";
        public const string OutboxConsumer = "digibank.outbox.consumer";
        public const string SignUpChannel = "digibank.signup.channel";
        public const string SignUpStatus = "digibank.signup.status";
    }

    public static class Instruments
    {
        public const string OperationDuration = "digibank.graphql.operation.duration";
        public const string ActiveSubscriptions = "digibank.graphql.subscriptions.active";
        public const string DispatchLag = "digibank.outbox.dispatch.lag";
        public const string SetAsideEvents = "digibank.outbox.events.set_aside";
        public const string SignUps = "digibank.signups";
        public const string Loans = "digibank.loans";
        public const string PluginRuns = PluginHostTelemetry.RunsCounter;
        public const string PluginRunDuration = PluginHostTelemetry.RunDurationHistogram;
    }

    /// <summary>Tag values for operations that have no usable name, so a tag never takes a client's free text.</summary>
    public static class OperationNames
    {
        public const string Anonymous = "anonymous";
        public const string Unparsed = "unparsed";
        public const string Other = "other";
    }

    internal static readonly ActivitySource GraphQL = new(GraphQLSourceName);

    internal static readonly Meter Meter = new(MeterName);

    /// <summary>Buckets in seconds from 5 ms to 10 s (the SDK's default buckets are meant for milliseconds).</summary>
    internal static readonly IReadOnlyList<double> SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        Instruments.OperationDuration, "s", "How long GraphQL operations took, from receiving the document to the result",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    internal static readonly Histogram<double> DispatchLag = Meter.CreateHistogram(
        Instruments.DispatchLag, "s", "How long committed events waited before a consumer of the outbox had them",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, .. SecondsBuckets, 30, 60, 300, 900, 3600] });

    internal static readonly Counter<long> SetAsideEvents = Meter.CreateCounter<long>(
        Instruments.SetAsideEvents, "{event}", "Events a consumer of the outbox gave up on after its tries and set aside, for the admin to retry");

    internal static readonly Counter<long> SignUps = Meter.CreateCounter<long>(Instruments.SignUps, "{signup}", "Sign-ups committed, by channel and status");

    internal static readonly Counter<long> Loans = Meter.CreateCounter<long>(Instruments.Loans, "{loan}", "Device loans committed");
}
