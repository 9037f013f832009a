using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;

namespace Digibank.Plugins.Host.Tests.Loading;

public sealed class PluginLoadingTests
{
    [Fact]
    public async Task A_plugin_is_loaded_from_its_folder_and_its_offers_reach_the_api_as_a_completed_snapshot()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.AddPlugin("Good", settings: new { titlePrefix = "Smartphone voor beginners" });

        await harness.StartHostAsync();
        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good", "SUCCEEDED").Count > 0, "Good reported a successful run");

        var upload = harness.Server.OfferUploads.First(upload => upload.Header?.PartnerCode == "good");
        Assert.Equal("Bearer key-good", upload.Authorization);
        Assert.Equal(UploadMode.Snapshot, upload.Header!.Mode);
        Assert.True(upload.Ended, "a completed snapshot ends with `end`");
        Assert.False(upload.Aborted);
        Assert.Equal(["Smartphone voor beginners v1", "Tax-on-web v1"], upload.Offers.Select(offer => offer.Title));
        var first = upload.Offers[0];
        Assert.Equal("GOOD-1", first.ExternalId);
        Assert.Equal(["smartphone-basics"], first.Topics);
        Assert.Equal(["SENIORS"], first.TargetGroups);
        Assert.Equal("Bibliotheek Poperinge", first.HelpPointName);
        Assert.Equal(12, first.Capacity);
        Assert.True(first.HasReducedPriceCents);
        Assert.Equal(Timestamp.FromDateTime(new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc)), first.Sessions.Single().StartsAt);
        Assert.Equal("Zaal 1", first.Sessions.Single().Room);
        Assert.False(upload.Offers[1].HasReducedPriceCents);

        var signUps = harness.Server.SignUpUploads.First(upload => upload.Header?.PartnerCode == "good");
        Assert.Equal("Bearer key-good", signUps.Authorization);
        Assert.Equal("Maria", signUps.SignUps.Single().FirstName);

        var report = harness.Server.ReportsFor("good", "SUCCEEDED")[0];
        Assert.Equal("Good", report.PluginName);
        Assert.Equal(2, report.OffersCreated);
        Assert.Equal(1, report.SignUpsReceived);
        Assert.Equal(string.Empty, report.Error);
        Assert.True(report.FinishedAt.ToDateTimeOffset() >= report.StartedAt.ToDateTimeOffset());

        var state = harness.Status.Find("Good")!;
        Assert.Equal(PluginLoadState.Loaded, state.Load);
        Assert.Equal("good", state.PartnerCode);
        Assert.NotNull(state.LoadedFrom);
        Assert.False(state.LoadedFrom!.StartsWith(harness.PluginsDirectory, StringComparison.Ordinal), "the plug-in runs from a shadow copy");
    }

    [Fact]
    public async Task A_plugin_folder_dropped_in_while_the_host_runs_is_picked_up()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        await harness.StartHostAsync();
        await harness.WaitUntilAsync(() => harness.Status.LastScanAt is not null, "the host looked through the empty plug-ins folder");
        Assert.Empty(harness.Status.Plugins);

        harness.AddPlugin("Good");

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good", "SUCCEEDED").Count > 0, "the new plug-in synced");
        Assert.Equal(PluginLoadState.Loaded, harness.Status.Find("Good")!.Load);
    }

    [Fact]
    public async Task A_replaced_plugin_dll_takes_effect_without_a_restart()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        var folder = harness.AddPlugin("Good");
        await harness.StartHostAsync();
        await harness.WaitUntilAsync(() => harness.Server.OfferUploads.Any(upload => upload.Ended && upload.Offers.Any(offer => offer.Title == "Tax-on-web v1")), "version 1 synced");
        var firstLoad = harness.Status.Find("Good")!.LoadedFrom;

        // Overwrites Good.dll while version 1 is loaded: possible because the host runs a copy.
        harness.CopyBuildOutput("GoodV2", folder);

        await harness.WaitUntilAsync(() => harness.Server.OfferUploads.Any(upload => upload.Ended && upload.Offers.Any(offer => offer.Title == "Tax-on-web v2")), "version 2 synced");
        var state = harness.Status.Find("Good")!;
        Assert.Equal(PluginLoadState.Loaded, state.Load);
        Assert.NotEqual(firstLoad, state.LoadedFrom);
        // Version 1 does not come back: the runs after the first of version 2 upload version 2 only.
        await harness.WaitUntilAsync(() => UploadsSinceVersion2(harness).Count(upload => upload.Ended) >= 3, "two more runs after version 2 was loaded");
        Assert.DoesNotContain(
            UploadsSinceVersion2(harness).SelectMany(upload => upload.Offers),
            offer => offer.Title.EndsWith("v1", StringComparison.Ordinal));
    }

    private static IEnumerable<Fakes.RecordedOfferUpload> UploadsSinceVersion2(PluginHostHarness harness) =>
        harness.Server.OfferUploads
            .Where(upload => upload.Header?.PartnerCode == "good")
            .SkipWhile(upload => !upload.Offers.Any(offer => offer.Title == "Tax-on-web v2"));

    [Fact]
    public async Task A_plugin_that_cannot_be_loaded_is_reported_and_the_others_keep_syncing()
    {
        await using var harness = await PluginHostHarness.CreateAsync();
        harness.AddPlugin("Good");

        var notAnAssembly = Path.Combine(harness.PluginsDirectory, "Broken");
        Directory.CreateDirectory(notAnAssembly);
        File.WriteAllText(Path.Combine(notAnAssembly, "Broken.dll"), "this is not a .NET assembly");
        PluginHostHarness.WriteManifest(notAnAssembly, new { partnerCode = "broken", intervalSeconds = 1 });

        var noPluginInside = Path.Combine(harness.PluginsDirectory, "Google.Protobuf");
        Directory.CreateDirectory(noPluginInside);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Google.Protobuf.dll"), Path.Combine(noPluginInside, "Google.Protobuf.dll"));
        PluginHostHarness.WriteManifest(noPluginInside, new { partnerCode = "protobuf" });

        var badManifest = harness.AddPlugin("Throws", folderName: "Throws");
        File.WriteAllText(Path.Combine(badManifest, "plugin.json"), "{ \"partnerCode\": ");

        await harness.StartHostAsync();

        await harness.WaitUntilAsync(
            () => harness.Server.ReportsFor("broken", "FAILED").Count > 0 && harness.Server.ReportsFor("protobuf", "FAILED").Count > 0,
            "both load failures were reported");
        Assert.Contains("not a loadable .NET assembly", harness.Server.ReportsFor("broken")[0].Error, StringComparison.Ordinal);
        Assert.Contains("no public class implementing IPartnerPlugin", harness.Server.ReportsFor("protobuf")[0].Error, StringComparison.Ordinal);
        Assert.Equal("Bearer key-broken", harness.Server.Reports.First(report => report.Report.PartnerCode == "broken").Authorization);

        Assert.Equal(PluginLoadState.FailedToLoad, harness.Status.Find("Broken")!.Load);
        Assert.Equal(PluginLoadState.FailedToLoad, harness.Status.Find("Google.Protobuf")!.Load);
        var throws = harness.Status.Find("Throws")!;
        Assert.Equal(PluginLoadState.FailedToLoad, throws.Load);
        Assert.Contains("plugin.json is not valid JSON", throws.LoadError, StringComparison.Ordinal);
        Assert.Empty(harness.Server.ReportsFor("throws"));

        await harness.WaitUntilAsync(() => harness.Server.ReportsFor("good", "SUCCEEDED").Count >= 2, "Good kept syncing");
        // A failed load is reported once, not on every rescan.
        Assert.Single(harness.Server.ReportsFor("broken"));
    }
}
