using System.Runtime.CompilerServices;
using Digibank.Plugins;

namespace Digibank.TestPlugins;

/// <summary>Yields two offers and one sign-up; writes sign-up changes to written-changes.txt unless its folder holds fail-writes.</summary>
public sealed class GoodPlugin : IPartnerPlugin
{
#if V2
    private const string Version = "v2";
#else
    private const string Version = "v1";
#endif

    public string PartnerCode => "good";

    public async IAsyncEnumerable<CourseOffer> ReadOffersAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new CourseOffer
        {
            ExternalId = "GOOD-1",
            Title = $"{context.Setting("titlePrefix", "Smartphone basics")} {Version}",
            Summary = "Bellen, berichten en foto's.",
            Topics = ["smartphone-basics"],
            TargetGroups = ["SENIORS"],
            Language = "PLAIN_DUTCH",
            HelpPointName = "Bibliotheek Poperinge",
            Capacity = 12,
            ReducedPriceCents = 0,
            Sessions = [new SessionOffer(new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 7, 11, 0, 0, DateTimeKind.Utc), "Zaal 1")],
        };
        yield return new CourseOffer
        {
            ExternalId = "GOOD-2",
            Title = $"Tax-on-web {Version}",
            Topics = ["tax-on-web"],
            Capacity = 8,
            Sessions = [new SessionOffer(new DateTime(2026, 12, 9, 13, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 9, 15, 0, 0, DateTimeKind.Utc))],
        };
    }

    public async IAsyncEnumerable<SignUpRecord> ReadSignUpsAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new SignUpRecord("GOOD-S1", "GOOD-1", "Maria", null, "0470 12 34 56", "Poperinge", "SENIORS");
    }

    public async Task WriteSignUpChangesAsync(IReadOnlyList<SignUpChange> changes, PluginContext context, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(context.DataFolder, "fail-writes")))
            throw new IOException("The partner's outbox is full.");
        await File.AppendAllLinesAsync(Path.Combine(context.DataFolder, "written-changes.txt"), changes.Select(change => $"{change.SignUpId} {change.Status}{(change.Erased ? " erased" : string.Empty)}"), cancellationToken);
    }
}
