using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;

namespace Digibank.Plugins.Host.Tests.Running;

public sealed class SyncRunTests
{
    [Fact]
    public async Task A_plugin_that_throws_midway_sends_no_end_so_nothing_is_withdrawn()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.AddPlugin("ThrowsMidway");
        await harness.StartHostAsync();

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("throws-midway", "FAILED").Count >= 2, "two failed runs were reported");

        Assert.DoesNotContain(harness.Server.OfferUploads, upload => upload.Ended);
        var report = harness.Server.ReportsFor("throws-midway", "FAILED")[0];
        Assert.Equal("ThrowsMidway", report.PluginName);
        Assert.Contains("Line 3 of cursussen.csv has no date.", report.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", report.Error, StringComparison.Ordinal);
        Assert.Equal(0, report.OffersWithdrawn);
        var state = harness.Status.Find("ThrowsMidway")!;
        Assert.Equal(SyncOutcome.Failed, state.LastOutcome);
        Assert.Equal(PluginLoadState.Loaded, state.Load);
    }

    [Fact]
    public async Task The_sign_up_cursor_is_stored_only_after_the_plugin_wrote_the_changes_and_the_next_run_resumes_from_it()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.Server.AddChanges(Change(5, "SU-1", "CONFIRMED"), Change(9, "SU-2", "WAITLISTED"));
        var folder = harness.AddPlugin("Good");
        var failWrites = Path.Combine(folder, "fail-writes");
        File.WriteAllText(failWrites, string.Empty);
        var written = Path.Combine(folder, "written-changes.txt");
        var stateFile = Path.Combine(folder, ".digibank-sync-state.json");

        await harness.StartHostAsync();
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good", "FAILED").Count >= 2, "two runs failed writing the changes");
        Assert.Contains("The partner's outbox is full.", harness.Server.ReportsFor("good", "FAILED")[0].Error, StringComparison.Ordinal);
        Assert.All(harness.Server.Watches, watch => Assert.Equal(0, watch.Request.AfterCursor));
        Assert.All(harness.Server.Watches, watch => Assert.False(watch.Request.Follow));
        Assert.Equal("Bearer key-good", harness.Server.Watches.First().Authorization);
        Assert.False(File.Exists(stateFile), "no cursor is stored while the plug-in fails to write");

        File.Delete(failWrites);
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good", "SUCCEEDED").Any(report => report.SignUpChangesDelivered == 2), "the changes were delivered");
        Assert.Equal(["SU-1 CONFIRMED", "SU-2 WAITLISTED"], File.ReadAllLines(written));
        await harness.WaitUntilAsync(() => harness.Server.Watches.Any(watch => watch.Request.AfterCursor == 9), "the next run resumed after cursor 9");

        await harness.StopHostAsync();
        var watchesBeforeRestart = harness.Server.Watches.Count;
        await harness.StartHostAsync();
        await harness.WaitUntilAsync(() => harness.Server.Watches.Count > watchesBeforeRestart, "the restarted host asked for changes");

        Assert.Equal(9, harness.Server.Watches.Skip(watchesBeforeRestart).First().Request.AfterCursor);
        Assert.Equal(["SU-1 CONFIRMED", "SU-2 WAITLISTED"], File.ReadAllLines(written));
    }

    [Fact]
    public async Task An_erasure_notice_reaches_the_plugin_as_one()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        var erasure = Change(12, "SU-1", "CANCELLED");
        (erasure.FirstName, erasure.Erased) = (string.Empty, true);
        harness.Server.AddChanges(Change(5, "SU-1", "CONFIRMED"), erasure);
        var folder = harness.AddPlugin("Good");

        await harness.StartHostAsync();
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good", "SUCCEEDED").Any(report => report.SignUpChangesDelivered == 2), "the changes were delivered");

        Assert.Equal(["SU-1 CONFIRMED", "SU-1 CANCELLED erased"], File.ReadAllLines(Path.Combine(folder, "written-changes.txt")));
    }

    [Fact]
    public async Task A_snapshot_the_api_holds_is_reported_as_waiting_for_confirmation_and_retried_at_the_normal_interval()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.Server.HoldWithdrawals = true;
        harness.AddPlugin("Good", intervalSeconds: 30);
        await harness.StartHostAsync();

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good").Count > 0, "the run was reported");

        var report = harness.Server.ReportsFor("good").Single();
        Assert.Equal("NEEDS_CONFIRMATION", report.Outcome);
        Assert.Equal("The snapshot would withdraw 40 of 50 courses; a coordinator confirms it.", report.Error);
        Assert.Equal(2, report.OffersCreated);
        var state = harness.Status.Find("Good")!;
        Assert.Equal(SyncOutcome.NeedsConfirmation, state.LastOutcome);
        // Waiting for a person: the next run comes at the interval, not at the first retry's 200 ms.
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.True(state.NextRunAt - state.LastRunFinishedAt > TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task When_the_api_ends_an_upload_at_its_limit_the_run_reports_the_apis_answer()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.Server.MaxOffersPerUpload = 1_500;
        harness.AddPlugin("Faulty", partnerCode: "faulty", intervalSeconds: 30, settings: new { fault = "many" });
        await harness.StartHostAsync();

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("faulty").Count > 0, "the run was reported");

        var report = harness.Server.ReportsFor("faulty").Single();
        Assert.Equal("FAILED", report.Outcome);
        Assert.Contains("the API answered ResourceExhausted: An upload holds at most 1500 offers.", report.Error, StringComparison.Ordinal);
    }

    private static SignUpChangeEvent Change(long cursor, string signUpId, string status) => new()
    {
        Cursor = cursor,
        SignUpId = signUpId,
        CourseExternalId = "GOOD-1",
        Status = status,
        FirstName = "An",
        ChangedAt = Timestamp.FromDateTime(new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc)),
    };
}
