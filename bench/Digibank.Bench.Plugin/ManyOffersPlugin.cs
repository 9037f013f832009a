using System.Globalization;
using System.Runtime.CompilerServices;
using Digibank.Plugins;

namespace Digibank.Bench.Plugin;

/// <summary>A partner with a province's offer: <c>count</c> offers whose ids start with <c>prefix</c> (settings).</summary>
public sealed class ManyOffersPlugin : IPartnerPlugin
{
    private static readonly string[] HelpPoints =
    [
        "Bibliotheek Poperinge", "Buurthuis Bellewijk", "Lokaal Dienstencentrum De Bres", "Buurtsalon Krombeke",
        "Bibliotheek Heuvelland", "Stadhuis Mesen", "Bibliotheek Vleteren",
    ];

    private static readonly string[] Topics = ["tax-on-web", "itsme", "online-banking", "smartschool", "email", "smartphone-basics", "eid"];

    public string PartnerCode => string.Empty;

    public async IAsyncEnumerable<CourseOffer> ReadOffersAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var count = int.Parse(context.Setting("count", "100000"), CultureInfo.InvariantCulture);
        var prefix = context.Setting("prefix", "BENCH");
        var start = DateTime.UtcNow.Date.AddDays(30);
        for (var index = 1; index <= count; index++)
        {
            var startsAt = start.AddHours(index % 2000);
            yield return new CourseOffer
            {
                ExternalId = $"{prefix}-{index:D6}",
                Title = $"Digitale basisvaardigheden, groep {index}",
                Summary = "Je leert werken met je smartphone, e-mail en de apps van de overheid.",
                Topics = [Topics[index % Topics.Length], Topics[(index + 3) % Topics.Length]],
                TargetGroups = ["SENIORS", "LOW_LITERACY"],
                Level = "BEGINNER",
                Language = "PLAIN_DUTCH",
                HelpPointName = HelpPoints[index % HelpPoints.Length],
                Capacity = 8 + (index % 8),
                PriceCents = index % 3 == 0 ? 500 : 0,
                SignUpDeadline = startsAt.AddDays(-2),
                Sessions = [new SessionOffer(startsAt, startsAt.AddHours(2), "Zaal 1")],
            };
        }
    }

    public IAsyncEnumerable<SignUpRecord> ReadSignUpsAsync(PluginContext context, CancellationToken cancellationToken) => AsyncEnumerable.Empty<SignUpRecord>();

    public Task WriteSignUpChangesAsync(IReadOnlyList<SignUpChange> changes, PluginContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
