namespace Digibank.Plugins.Host.Tests.Running;

public sealed class ContainmentTests
{
    [Fact]
    public async Task A_hanging_plugin_times_out_while_another_plugin_keeps_syncing()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.AddPlugin("Hangs", intervalSeconds: 1, timeoutSeconds: 1);
        harness.AddPlugin("Good", intervalSeconds: 1);
        await harness.StartHostAsync();

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("hangs", "TIMED_OUT").Count >= 2, "the hanging plug-in timed out twice");
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good", "SUCCEEDED").Count >= 3, "Good kept syncing");

        var timedOut = harness.Server.ReportsFor("hangs", "TIMED_OUT")[0];
        Assert.Contains("did not finish within 1 s", timedOut.Error, StringComparison.Ordinal);
        // The plug-in ignores its token and never returns; the host stops waiting for it at the timeout all the same.
        // The upper bound leaves room for a late timer on a busy machine and stays below the 10 s the host would
        // give a plug-in when it stops, so it still tells the run's own 1 s timeout apart from any other wait.
        Assert.InRange((timedOut.FinishedAt.ToDateTimeOffset() - timedOut.StartedAt.ToDateTimeOffset()).TotalSeconds, 0.9, 9);
        Assert.DoesNotContain(harness.Server.OfferUploads, upload => upload.Header?.PartnerCode == "hangs" && upload.Ended);
        Assert.Equal(SyncOutcome.TimedOut, harness.Status.Find("Hangs")!.LastOutcome);
        Assert.Equal(SyncOutcome.Succeeded, harness.Status.Find("Good")!.LastOutcome);
    }

    [Fact]
    public async Task A_throwing_plugin_is_retried_with_growing_back_off_before_its_interval()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.AddPlugin("Throws", intervalSeconds: 30);
        // Half a second, doubling: the steps (0.5, 1, 2 s) are far enough apart that a busy machine's late timer
        // does not make a shorter wait look longer than the next; every bound stays well below the 30 s interval.
        await harness.StartHostAsync(firstRetryDelay: TimeSpan.FromMilliseconds(500));

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("throws", "FAILED").Count >= 4, "four failed runs were reported");

        var reports = harness.Server.ReportsFor("throws", "FAILED");
        Assert.Contains("The LIGO export file is missing.", reports[0].Error, StringComparison.Ordinal);
        var waits = reports.Zip(reports.Skip(1), (earlier, later) => (later.StartedAt.ToDateTimeOffset() - earlier.FinishedAt.ToDateTimeOffset()).TotalSeconds).Take(3).ToList();
        Assert.InRange(waits[0], 0.48, 15);
        Assert.InRange(waits[1], 0.98, 15);
        Assert.InRange(waits[2], 1.98, 15);
        Assert.True(waits[2] > waits[0], $"the back-off grows: {string.Join(", ", waits)}");

        var state = harness.Status.Find("Throws")!;
        Assert.True(state.ConsecutiveFailures >= 4);
        Assert.NotNull(state.NextRunAt);
    }
}
