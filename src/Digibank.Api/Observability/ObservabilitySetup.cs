using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Participants;
using GraphQL.DI;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Digibank.Api.Observability;

public static class ObservabilitySetup
{
    private const string GrpcServerSpansSetting = "OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_ENABLE_GRPC_INSTRUMENTATION";

    /// <summary>
    /// Metrics always (for <c>/metrics</c>, and over OTLP when an endpoint is set); traces and logs over OTLP when
    /// configured. Everything reported is named in <see cref="DigibankTelemetry"/>.
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        // The gRPC server's spans get the rpc.* attributes (method, status code); an operator's own setting wins.
        if (builder.Configuration[GrpcServerSpansSetting] is null)
        {
            builder.Configuration.AddInMemoryCollection([new(GrpcServerSpansSetting, "true")]);
        }

        var settings = builder.Configuration.GetSection(OpenTelemetryOptions.Section).Get<OpenTelemetryOptions>() ?? new OpenTelemetryOptions();
        builder.Services.Configure<MetricsOptions>(builder.Configuration.GetSection(MetricsOptions.Section));
        builder.Services.AddSingleton<IConfigureExecution, GraphQLTelemetry>();
        builder.Services.AddSingleton<IOutboxDeliveryObserver, OutboxMetrics>();
        builder.Services.AddHostedService<CommittedEventMetrics>();
        builder.Services.AddHostedService<SubscriptionGauge>();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(DigibankTelemetry.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(DigibankTelemetry.MeterName, DigibankTelemetry.PluginHostName)
                    .AddAspNetCoreInstrumentation()
                    .AddPrometheusExporter();
                if (settings.Endpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(otlp => Point(otlp, endpoint, settings.Protocol, "v1/metrics"));
                }
            });

        if (settings.Tracing ?? settings.Endpoint is not null)
        {
            telemetry.WithTracing(tracing =>
            {
                AddDigibankTracing(tracing);
                if (settings.SampleRatio < 1)
                {
                    tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Max(0, settings.SampleRatio))));
                }

                if (settings.Endpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(otlp => Point(otlp, endpoint, settings.Protocol, "v1/traces"));
                }
            });
        }

        if (settings.Logs && settings.Endpoint is { } logsEndpoint)
        {
            telemetry.WithLogging(logging => logging.AddOtlpExporter(otlp => Point(otlp, logsEndpoint, settings.Protocol, "v1/logs")), options =>
            {
                options.IncludeScopes = true;
                // The template's values are the structured attributes already; the message text would only repeat them.
                options.IncludeFormattedMessage = false;
            });
        }

        return builder;
    }

    /// <summary>The spans this API records: requests (HTTP and gRPC), GraphQL operations, SQL statements, plug-in runs and their gRPC calls.</summary>
    public static TracerProviderBuilder AddDigibankTracing(TracerProviderBuilder tracing) => tracing
        .AddSource(DigibankTelemetry.GraphQLSourceName, DigibankTelemetry.PluginHostName)
        .AddAspNetCoreInstrumentation(aspNetCore =>
        {
            aspNetCore.Filter = http => !http.Request.Path.StartsWithSegments(MetricsOptions.Path);
            aspNetCore.EnrichWithHttpRequest = (activity, request) =>
            {
                // A self-service link's path is the person's key to their own data: the route stands in for it.
                if (request.Path.StartsWithSegments(SelfServiceLinks.Path))
                {
                    activity.SetTag("url.path", $"{SelfServiceLinks.Path}/{{token}}");
                }
            };
        })
        .AddGrpcClientInstrumentation()
        .AddProcessor(new ParameterValuesRemover())
        .AddEntityFrameworkCoreInstrumentation(entityFramework =>
        {
            // The background services poll every second; a trace of each poll would bury the requests' traces.
            entityFramework.Filter = (_, _) => !BackgroundWork.IsRunning;
        });

    private static void Point(OtlpExporterOptions otlp, Uri endpoint, string protocol, string signalPath)
    {
        if (string.Equals(protocol, "http/protobuf", StringComparison.OrdinalIgnoreCase))
        {
            otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
            otlp.Endpoint = new Uri(endpoint, signalPath);
        }
        else
        {
            otlp.Protocol = OtlpExportProtocol.Grpc;
            otlp.Endpoint = endpoint;
        }
    }
}
