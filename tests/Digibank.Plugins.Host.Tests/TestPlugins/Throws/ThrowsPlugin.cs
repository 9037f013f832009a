using System.Runtime.CompilerServices;
using Digibank.Plugins;

namespace Digibank.TestPlugins;

/// <summary>Fails every run before it yields anything.</summary>
public sealed class ThrowsPlugin : IPartnerPlugin
{
    public string PartnerCode => "throws";

    public async IAsyncEnumerable<CourseOffer> ReadOffersAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new InvalidOperationException("The LIGO export file is missing.");
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }

    public IAsyncEnumerable<SignUpRecord> ReadSignUpsAsync(PluginContext context, CancellationToken cancellationToken) => AsyncEnumerable.Empty<SignUpRecord>();

    public Task WriteSignUpChangesAsync(IReadOnlyList<SignUpChange> changes, PluginContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
