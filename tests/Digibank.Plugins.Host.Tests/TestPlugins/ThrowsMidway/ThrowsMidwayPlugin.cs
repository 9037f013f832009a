using System.Runtime.CompilerServices;
using Digibank.Plugins;

namespace Digibank.TestPlugins;

/// <summary>Yields one offer, then breaks off as a damaged export file would.</summary>
public sealed class ThrowsMidwayPlugin : IPartnerPlugin
{
    public string PartnerCode => "throws-midway";

    public async IAsyncEnumerable<CourseOffer> ReadOffersAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return new CourseOffer { ExternalId = "MIDWAY-1", Title = "E-mail voor beginners", Capacity = 10 };
        throw new FormatException("Line 3 of cursussen.csv has no date.");
    }

    public IAsyncEnumerable<SignUpRecord> ReadSignUpsAsync(PluginContext context, CancellationToken cancellationToken) => AsyncEnumerable.Empty<SignUpRecord>();

    public Task WriteSignUpChangesAsync(IReadOnlyList<SignUpChange> changes, PluginContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
