using Digibank.Plugins;

namespace Digibank.TestPlugins;

/// <summary>Cannot even be created: its constructor throws, as one that reads a missing configuration would.</summary>
public sealed class ThrowsInConstructorPlugin : IPartnerPlugin
{
    public ThrowsInConstructorPlugin() => throw new InvalidOperationException("The connection string of the partner's database is missing.");

    public string PartnerCode => "throws-in-constructor";

    public IAsyncEnumerable<CourseOffer> ReadOffersAsync(PluginContext context, CancellationToken cancellationToken) => AsyncEnumerable.Empty<CourseOffer>();

    public IAsyncEnumerable<SignUpRecord> ReadSignUpsAsync(PluginContext context, CancellationToken cancellationToken) => AsyncEnumerable.Empty<SignUpRecord>();

    public Task WriteSignUpChangesAsync(IReadOnlyList<SignUpChange> changes, PluginContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
