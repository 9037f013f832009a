namespace Digibank.Api.Observability;

public sealed class OpenTelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>The OTLP collector, e.g. http://127.0.0.1:4317. Unset: nothing is exported over OTLP.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>Records spans; on by default when <see cref="Endpoint"/> is set, as nothing else would read them.</summary>
    public bool? Tracing { get; set; }

    /// <summary>The share of traces recorded, from 0 to 1 (all); a caller's own sampling decision is followed.</summary>
    public double SampleRatio { get; set; } = 1;

    /// <summary>Also sends log records over OTLP (they still go to the console).</summary>
    public bool Logs { get; set; }
}
