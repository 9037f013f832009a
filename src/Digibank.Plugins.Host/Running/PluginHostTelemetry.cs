using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Digibank.Plugins.Host;

/// <summary>
/// What the host tells a tracer and a meter about its runs. Only the BCL's ActivitySource and Meter: the
/// host carries no OpenTelemetry package; whichever process it lives in (the API, or the stand-alone host)
/// decides whether anything listens, and without a listener a run costs nothing extra.
/// </summary>
public static class PluginHostTelemetry
{
    /// <summary>The name of the ActivitySource and of the Meter.</summary>
    public const string Name = "Digibank.Plugins.Host";

    /// <summary>The span around one run of one plug-in, from starting its worker until its result is known.</summary>
    public const string RunSpan = "plugin.run";

    /// <summary>Counter of runs, tagged with partner, plug-in and outcome; a failure is a run whose outcome is not succeeded.</summary>
    public const string RunsCounter = "digibank.plugin.runs";

    /// <summary>Histogram of how long a run took, in seconds.</summary>
    public const string RunDurationHistogram = "digibank.plugin.run.duration";

    public const string PartnerTag = "digibank.partner.code";
    public const string PluginTag = "digibank.plugin.name";
    public const string OutcomeTag = "digibank.plugin.outcome";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Runs = Meter.CreateCounter<long>(RunsCounter, "{run}", "Plug-in runs by outcome");

    private static readonly Histogram<double> RunDuration = Meter.CreateHistogram(
        RunDurationHistogram,
        "s",
        "How long plug-in runs took",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] });

    internal static Activity? StartRun(string plugin, string? partner)
    {
        var activity = Source.StartActivity(RunSpan, ActivityKind.Internal);
        activity?.SetTag(PluginTag, plugin);
        activity?.SetTag(PartnerTag, partner);
        return activity;
    }

    internal static void Finished(Activity? activity, string plugin, string? partner, SyncOutcome outcome, TimeSpan elapsed)
    {
        var outcomeName = OutcomeName(outcome);
        if (activity is not null)
        {
            activity.SetTag(OutcomeTag, outcomeName);
            // The error text is the plug-in's own and may quote a partner's file; only the outcome goes out.
            activity.SetStatus(outcome is SyncOutcome.Succeeded or SyncOutcome.NeedsConfirmation ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
        }

        if (!Runs.Enabled && !RunDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { PartnerTag, partner ?? "unknown" }, { PluginTag, plugin }, { OutcomeTag, outcomeName } };
        Runs.Add(1, tags);
        RunDuration.Record(elapsed.TotalSeconds, tags);
    }

    private static string OutcomeName(SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.Succeeded => "succeeded",
        SyncOutcome.Failed => "failed",
        SyncOutcome.TimedOut => "timed_out",
        SyncOutcome.NeedsConfirmation => "needs_confirmation",
        SyncOutcome.Quarantined => "quarantined",
        _ => "other",
    };
}
