namespace Digibank.Plugins;

/// <summary>
/// A partner's plug-in: it reads the partner's own system (an export file, a feed, an API) and hands the
/// platform the partner's course offers and the sign-ups the partner took; it receives the sign-ups made
/// elsewhere on the partner's courses and writes them back into the partner's system.
/// </summary>
/// <remarks>
/// The plug-in host creates one instance per run through a public parameterless constructor, calls the
/// three methods in order (<see cref="ReadOffersAsync"/>, <see cref="ReadSignUpsAsync"/>,
/// <see cref="WriteSignUpChangesAsync"/>) and gives each call a cancellation token that fires at the run's
/// timeout. A plug-in never sees the database or the network contract: the host sends what it yields.
/// An exception fails the run; the host retries later with back-off, and other plug-ins are unaffected.
/// </remarks>
public interface IPartnerPlugin
{
    /// <summary>The partner's code as the platform knows it, e.g. <c>ligo</c> or <c>bib-poperinge</c>.</summary>
    string PartnerCode { get; }

    /// <summary>
    /// All current offers of the partner (a full snapshot). Offers the partner no longer lists are
    /// withdrawn on the platform, but only when this enumeration completes without an exception.
    /// </summary>
    IAsyncEnumerable<CourseOffer> ReadOffersAsync(PluginContext context, CancellationToken cancellationToken);

    /// <summary>The sign-ups the partner took in its own system, so they count against the seats.</summary>
    IAsyncEnumerable<SignUpRecord> ReadSignUpsAsync(PluginContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Sign-up changes made on the platform (by residents or staff) on the partner's courses since the
    /// last run, oldest first. Write them into the partner's system; the host then moves its cursor on.
    /// A change with <see cref="SignUpChange.Erased"/> asks the plug-in to remove the person's name and contact
    /// from what it wrote for that sign-up before.
    /// </summary>
    Task WriteSignUpChangesAsync(IReadOnlyList<SignUpChange> changes, PluginContext context, CancellationToken cancellationToken);
}
