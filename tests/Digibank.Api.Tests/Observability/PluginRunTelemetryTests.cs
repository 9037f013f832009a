using System.Diagnostics;
using Digibank.Api.Observability;
using Digibank.Api.Tests.Sync;
using Digibank.Plugins.Host;

namespace Digibank.Api.Tests.Observability;

public sealed class PluginRunTelemetryTests
{
    [Fact]
    public async Task A_plug_in_run_has_its_span_with_the_report_inside_and_is_counted_by_outcome()
    {
        using var api = PluginSyncApiFactory.Start(() => new TelemetryCapture());
        var capture = api.Telemetry!;
        var pluginFolders = Directory.GetDirectories(api.PluginsFolder).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);

        var run = await capture.WaitForSpanAsync(
            span => span.Source.Name == PluginHostTelemetry.Name && pluginFolders.Contains(span.GetTagItem(PluginHostTelemetry.PluginTag) as string),
            TimeSpan.FromSeconds(60));

        Assert.Equal(PluginHostTelemetry.RunSpan, run.DisplayName);
        Assert.NotNull(run.GetTagItem(PluginHostTelemetry.PartnerTag));
        Assert.NotNull(run.GetTagItem(PluginHostTelemetry.OutcomeTag));
        // The run's report to the API is a gRPC call within the run's trace: the client's span, and the server's.
        var report = await capture.WaitForSpanAsync(span => span.Kind == ActivityKind.Server && span.TraceId == run.TraceId
            && span.DisplayName.Contains("ReportSyncRun", StringComparison.Ordinal));
        Assert.Contains(capture.Spans.Snapshot(), span => span.Kind == ActivityKind.Client && span.ParentSpanId == run.SpanId);
        Assert.NotEqual(default, report.ParentSpanId);

        var runs = capture.CollectMetrics().Where(metric => metric.Name == DigibankTelemetry.Instruments.PluginRuns).ToList();
        Assert.Contains(runs.SelectMany(metric => metric.MetricPoints), point =>
            TelemetryCapture.TagsOf(point).Any(tag => tag.Key == PluginHostTelemetry.PluginTag && pluginFolders.Contains(tag.Value as string))
            && point.GetSumLong() >= 1);
    }
}
