using System.Diagnostics;

namespace Digibank.Plugins.Host.Tests.Running;

/// <summary>
/// Each fault a careless partner's code has, in a worker process of its own: the host goes on, the other plug-in
/// keeps syncing, the worker is gone once its run is reported, and the plug-in's status says what happened.
/// </summary>
public sealed class FaultyPluginTests
{
    [Fact]
    public async Task An_exception_on_a_thread_of_its_own_ends_only_its_worker_and_three_in_a_row_quarantine_it_until_its_files_change()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        var folder = harness.AddPlugin("Faulty", partnerCode: "crashes", timeoutSeconds: 10, settings: new { fault = "thread" });
        harness.AddPlugin("Good");
        await harness.StartHostAsync();

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("crashes", "QUARANTINED").Count > 0, "the crashing plug-in was quarantined");

        var crashes = harness.Server.ReportsFor("crashes", "FAILED");
        Assert.Equal(3, crashes.Count);
        Assert.All(crashes, crash =>
        {
            Assert.Contains("The partner's SDK failed on a thread of its own.", crash.Error, StringComparison.Ordinal);
            Assert.Contains("The worker process ended without finishing its run", crash.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", crash.Error, StringComparison.Ordinal);
        });
        AssertQuarantined(harness, "crashes", "Stopped after 3 crashes in a row", "thread of its own");

        await StaysStoppedWhileGoodSyncsAsync(harness, "crashes");
        Assert.Equal(3, harness.Server.ReportsFor("crashes", "FAILED").Count);

        await RunsAgainOnceItsFilesAreReplacedAsync(harness, folder, "crashes", new { partnerCode = "crashes", intervalSeconds = 1, timeoutSeconds = 10, settings = new { fault = "none" } });
    }

    [Fact]
    public async Task Three_runs_in_a_row_that_time_out_quarantine_it_until_its_files_change_and_a_run_that_finishes_starts_the_count_again()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        // It ignores its token on these runs, and the worker ends each at the timeout in good order: no crash.
        // 3 s: long enough that a run which does finish is not timed out on a busy machine.
        var folder = harness.AddPlugin("Faulty", partnerCode: "stuck", timeoutSeconds: 3, settings: new { fault = "hang", hangOnRuns = "1,2,4,5,6" });
        harness.AddPlugin("Good");
        await harness.StartHostAsync();

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("stuck", "QUARANTINED").Count > 0, "the plug-in that keeps timing out was quarantined", TimeSpan.FromSeconds(90));

        Assert.Equal(
            ["TIMED_OUT", "TIMED_OUT", "SUCCEEDED", "TIMED_OUT", "TIMED_OUT", "TIMED_OUT", "QUARANTINED"],
            harness.Server.ReportsFor("stuck").Select(report => report.Outcome));
        AssertQuarantined(harness, "stuck", "Stopped after 3 runs in a row that did not finish within their timeout of 3 s", "(while reading offers)");

        await StaysStoppedWhileGoodSyncsAsync(harness, "stuck");
        Assert.Equal("6", File.ReadAllText(Path.Combine(folder, "runs.txt")));

        await RunsAgainOnceItsFilesAreReplacedAsync(harness, folder, "stuck", new { partnerCode = "stuck", intervalSeconds = 1, timeoutSeconds = 3, settings = new { fault = "none" } });
    }

    [Theory]
    [InlineData("spin", "did not finish within 3 s (while reading offers)")]
    [InlineData("io", "did not finish within 3 s (while reading offers)")]
    public async Task A_plugin_that_never_returns_is_stopped_at_its_timeout_and_its_worker_is_gone(string fault, string reason)
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        // 3 s: on a busy machine getting the key and creating the plug-in alone can take a second, and the run is
        // to be stopped while it spins in reading offers, the stage the reason must name.
        harness.AddPlugin("Faulty", partnerCode: "faulty", intervalSeconds: 30, timeoutSeconds: 3, settings: new { fault });
        harness.AddPlugin("Good");
        await harness.StartHostAsync();

        var worker = await WorkerOfAsync(harness, "Faulty");
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("faulty", "TIMED_OUT").Count > 0, "the run timed out");

        var report = harness.Server.ReportsFor("faulty", "TIMED_OUT")[0];
        Assert.Contains(reason, report.Error, StringComparison.Ordinal);
        AssertGone(worker);
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good", "SUCCEEDED").Count >= 2, "Good kept syncing");
        Assert.Equal(SyncOutcome.TimedOut, harness.Status.Find("Faulty")!.LastOutcome);
    }

    [Fact]
    public async Task A_plugin_that_spins_on_every_core_is_stopped_when_it_has_used_its_processor_time()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.AddPlugin("Faulty", partnerCode: "faulty", intervalSeconds: 30, timeoutSeconds: 60, cpuSeconds: 1, settings: new { fault = "spin-everywhere" });
        await harness.StartHostAsync();

        var worker = await WorkerOfAsync(harness, "Faulty");
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("faulty").Count > 0, "the run was reported");

        var report = harness.Server.ReportsFor("faulty").Single();
        Assert.Equal("FAILED", report.Outcome);
        Assert.Contains("used more than its 1 s of processor time", report.Error, StringComparison.Ordinal);
        // Stopped for its processor time, long before its 60 s timeout.
        Assert.True((report.FinishedAt.ToDateTimeOffset() - report.StartedAt.ToDateTimeOffset()).TotalSeconds < 30);
        AssertGone(worker);
    }

    [Theory]
    [InlineData("allocate", "ran out of its memory limit of 64 MB while reading offers")]
    [InlineData("allocate-native", "used more than its memory limit of 64 MB")]
    public async Task A_plugin_that_allocates_without_end_is_stopped_at_its_memory_limit(string fault, string reason)
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.AddPlugin("Faulty", partnerCode: "faulty", intervalSeconds: 30, timeoutSeconds: 60, memoryLimitMegabytes: 64, settings: new { fault });
        harness.AddPlugin("Good");
        await harness.StartHostAsync();

        var worker = await WorkerOfAsync(harness, "Faulty");
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("faulty").Count > 0, "the run was reported");

        var report = harness.Server.ReportsFor("faulty").Single();
        Assert.Equal("FAILED", report.Outcome);
        Assert.Contains(reason, report.Error, StringComparison.Ordinal);
        AssertGone(worker);
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good", "SUCCEEDED").Count >= 2, "Good kept syncing");
    }

    [Fact]
    public async Task Garbage_on_the_console_and_in_the_records_does_not_confuse_the_host()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.AddPlugin("Faulty", partnerCode: "faulty", intervalSeconds: 30, settings: new { fault = "garbage" });
        await harness.StartHostAsync();

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("faulty").Count > 0, "the run was reported");

        var report = harness.Server.ReportsFor("faulty").Single();
        Assert.Equal("SUCCEEDED", report.Outcome);
        // What the API judged, not what the plug-in printed: the null offer is skipped, the other three are sent.
        Assert.Equal(3, report.OffersCreated);
        var upload = harness.Server.OfferUploads.Single(upload => upload.Header?.PartnerCode == "faulty");
        Assert.True(upload.Ended);
        Assert.Equal(["", "FAULTY-GARBAGE", "FAULTY-1"], upload.Offers.Select(offer => offer.ExternalId));
    }

    [Fact]
    public async Task A_worker_gets_its_own_partner_key_and_none_of_the_host_secrets()
    {
        // As a stand-alone host at a partner's site keeps every partner's key, and the API its signing key.
        Environment.SetEnvironmentVariable("Plugins__Keys__other-partner", "dbk_key-of-another-partner");
        Environment.SetEnvironmentVariable("Auth__SigningKey", "the-signing-key-of-the-api-0123456789");
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.AddPlugin("Faulty", partnerCode: "faulty", intervalSeconds: 30, settings: new { fault = "environment" });
        await harness.StartHostAsync();

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("faulty", "SUCCEEDED").Count > 0, "the run was reported");

        var environment = harness.Server.OfferUploads.Single(upload => upload.Header?.PartnerCode == "faulty").Offers
            .Single(offer => offer.ExternalId == "FAULTY-ENVIRONMENT").Summary;
        Assert.Contains("DIGIBANK_WORKER_PARTNER_KEY=key-faulty", environment, StringComparison.Ordinal);
        Assert.Contains("PATH=", environment, StringComparison.Ordinal);
        Assert.DoesNotContain("key-of-another-partner", environment, StringComparison.Ordinal);
        Assert.DoesNotContain("signing-key-of-the-api", environment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_whose_constructor_throws_cannot_be_loaded_and_says_why()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.AddPlugin("ThrowsInConstructor");
        harness.AddPlugin("Good");
        await harness.StartHostAsync();

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("throws-in-constructor", "FAILED").Count > 0, "the load failure was reported");

        var state = harness.Status.Find("ThrowsInConstructor")!;
        Assert.Equal(PluginLoadState.FailedToLoad, state.Load);
        Assert.Contains("Creating ThrowsInConstructorPlugin failed: The connection string of the partner's database is missing.", state.LoadError, StringComparison.Ordinal);
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good", "SUCCEEDED").Count >= 2, "Good kept syncing");
        Assert.Single(harness.Server.ReportsFor("throws-in-constructor"));
    }

    [Fact]
    public async Task Stopping_the_host_ends_the_worker_of_a_run_in_progress()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.AddPlugin("Hangs", intervalSeconds: 30, timeoutSeconds: 60);
        await harness.StartHostAsync();

        var worker = await WorkerOfAsync(harness, "Hangs");
        await harness.StopHostAsync();

        AssertGone(worker);
    }

    [Fact]
    public async Task Shadow_copies_of_hosts_that_no_longer_run_are_removed_at_start_up()
    {
        var parent = Path.Combine(Path.GetTempPath(), "digibank-plugin-host");
        var stale = Path.Combine(parent, $"{ExitedProcessId()}-{Guid.NewGuid():N}");
        var running = Path.Combine(parent, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        foreach (var folder in new[] { stale, running })
        {
            Directory.CreateDirectory(Path.Combine(folder, "1", "Good"));
            File.WriteAllText(Path.Combine(folder, "1", "Good", "Good.dll"), "a copy left behind");
        }

        try
        {
            await using var harness = await PluginHostHarness.CreateAsync();
            await harness.StartHostAsync(defaultShadowCopies: true);
            await harness.WaitUntilAsync(() => harness.Status.LastScanAt is not null, "the host started");

            Assert.False(Directory.Exists(stale), "the copy of a host that no longer runs is removed");
            Assert.True(Directory.Exists(running), "the copy of a host that still runs is kept");
        }
        finally
        {
            Directory.Delete(running, recursive: true);
        }
    }

    [Fact]
    public async Task A_configured_shadow_copy_folder_is_emptied_at_start_up()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        var leftOver = Path.Combine(harness.ShadowCopyDirectory, "7", "Good", "Good.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(leftOver)!);
        File.WriteAllText(leftOver, "a copy left behind by a host that was killed");

        await harness.StartHostAsync();
        await harness.WaitUntilAsync(() => harness.Status.LastScanAt is not null, "the host started");

        Assert.False(File.Exists(leftOver));
    }

    /// <summary>The plug-in in folder Faulty is quarantined: reported so once, stopped, and both say why.</summary>
    private static void AssertQuarantined(PluginHostHarness harness, string partnerCode, params string[] reasons)
    {
        var quarantine = harness.Server.ReportsFor(partnerCode, "QUARANTINED").Single();
        var state = harness.Status.Find("Faulty")!;
        Assert.Equal(PluginLoadState.Quarantined, state.Load);
        Assert.Null(state.NextRunAt);
        Assert.All(reasons, reason => Assert.Contains(reason, quarantine.Error, StringComparison.Ordinal));
        Assert.All(reasons, reason => Assert.Contains(reason, state.LoadError, StringComparison.Ordinal));
    }

    /// <summary>Good runs twice more meanwhile, and the quarantined plug-in not once.</summary>
    private static async Task StaysStoppedWhileGoodSyncsAsync(PluginHostHarness harness, string partnerCode)
    {
        var (reports, goodRuns) = (harness.Server.ReportsFor(partnerCode).Count, harness.Server.ReportsFor("good", "SUCCEEDED").Count);
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good", "SUCCEEDED").Count >= goodRuns + 2, "Good kept syncing");
        Assert.Equal(reports, harness.Server.ReportsFor(partnerCode).Count);
    }

    /// <summary>A partner who fixes the plug-in replaces its files; the host loads it again and it syncs.</summary>
    private static async Task RunsAgainOnceItsFilesAreReplacedAsync(PluginHostHarness harness, string folder, string partnerCode, object manifest)
    {
        var succeeded = harness.Server.ReportsFor(partnerCode, "SUCCEEDED").Count;
        PluginHostHarness.WriteManifest(folder, manifest);
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor(partnerCode, "SUCCEEDED").Count > succeeded, "the replaced plug-in synced");
        Assert.Equal(PluginLoadState.Loaded, harness.Status.Find("Faulty")!.Load);
    }

    private static async Task<Process> WorkerOfAsync(PluginHostHarness harness, string plugin)
    {
        await harness.WaitUntilAsync(() => harness.Status.Find(plugin)?.WorkerProcessId is not null, $"{plugin}'s worker started");
        return Process.GetProcessById(harness.Status.Find(plugin)!.WorkerProcessId!.Value);
    }

    private static void AssertGone(Process worker)
    {
        Assert.True(worker.WaitForExit(TimeSpan.FromSeconds(5)), $"worker {worker.Id} still runs");
        worker.Dispose();
    }

    private static int ExitedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("sh", "-c true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
