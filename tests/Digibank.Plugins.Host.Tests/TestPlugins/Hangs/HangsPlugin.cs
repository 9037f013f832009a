using System.Runtime.CompilerServices;
using Digibank.Plugins;

namespace Digibank.TestPlugins;

/// <summary>Never finishes reading offers and ignores its cancellation token, as a stuck partner system would.</summary>
public sealed class HangsPlugin : IPartnerPlugin
{
    public string PartnerCode => "hangs";

    public async IAsyncEnumerable<CourseOffer> ReadOffersAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, CancellationToken.None);
        yield break;
    }

    public IAsyncEnumerable<SignUpRecord> ReadSignUpsAsync(PluginContext context, CancellationToken cancellationToken) => AsyncEnumerable.Empty<SignUpRecord>();

    public Task WriteSignUpChangesAsync(IReadOnlyList<SignUpChange> changes, PluginContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
