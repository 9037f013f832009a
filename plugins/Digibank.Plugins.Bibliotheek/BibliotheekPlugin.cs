using System.Runtime.CompilerServices;
using Digibank.Plugins.Shared;
using Digibank.Plugins.Shared.Csv;

namespace Digibank.Plugins.Bibliotheek;

/// <summary>
/// Bibliotheek Poperinge: reads the library's course calendar (an iCalendar feed, <c>vormingen.ics</c>) and the list of
/// sign-ups taken at the library desk (<c>balie-inschrijvingen.csv</c>), and appends the sign-ups made on the platform
/// to <c>outbox/digibank-inschrijvingen.csv</c> in the columns of that desk list; an erasure notice takes the person's
/// name and contact out of the rows of that sign-up. See samples/README.md.
/// </summary>
public sealed class BibliotheekPlugin : IPartnerPlugin
{
    internal const string DefaultOffersFile = "vormingen.ics";
    internal const string DefaultSignUpsFile = "balie-inschrijvingen.csv";
    internal const string DefaultOutboxFile = "outbox/digibank-inschrijvingen.csv";

    private static readonly string[] OutboxHeader =
        ["digibank_id", "activiteit", "status", "wachtlijst", "voornaam", "e-mail", "telefoon", "gewijzigd_op"];

    public string PartnerCode => "bib-poperinge";

    public async IAsyncEnumerable<CourseOffer> ReadOffersAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offersFile = context.Setting("offersFile", DefaultOffersFile);
        var path = PluginFiles.InputPath(context, offersFile, offersFile, typeof(BibliotheekPlugin));
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var offers = CourseCalendar.Read(text, offersFile, context.Log);
        foreach (var offer in offers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return offer;
        }
    }

    public async IAsyncEnumerable<SignUpRecord> ReadSignUpsAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var signUpsFile = context.Setting("signUpsFile", DefaultSignUpsFile);
        var path = PluginFiles.InputPath(context, signUpsFile, context.Setting("offersFile", DefaultOffersFile), typeof(BibliotheekPlugin));
        if (!File.Exists(path))
        {
            context.Log.Info($"{signUpsFile} is not there: no sign-ups taken at the library desk.");
            yield break;
        }

        using var csv = CsvFile.Open(path, Separator(context), "nummer", "activiteit");
        int read = 0, skipped = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            var id = csv.Get("nummer");
            var course = csv.Get("activiteit");
            var firstName = csv.Get("voornaam");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(course) || string.IsNullOrEmpty(firstName))
            {
                context.Log.Warning($"{signUpsFile} line {csv.Line}: skipped, it needs a nummer, an activiteit and a voornaam.");
                skipped++;
                continue;
            }

            var targetGroup = csv.Get("doelgroep");
            read++;
            yield return new SignUpRecord(
                id,
                course,
                firstName,
                NullIfEmpty(csv.Get("e-mail", "email")),
                NullIfEmpty(csv.Get("telefoon")),
                Vocabulary.Town(csv.Get("woonplaats")),
                string.IsNullOrEmpty(targetGroup) ? "EVERYONE" : Vocabulary.TargetGroup(targetGroup),
                Vocabulary.YesNo(csv.Get("geannuleerd")) ?? false);
        }

        context.Log.Info($"{signUpsFile}: {read} sign-ups read, {skipped} rows skipped.");
    }

    public async Task WriteSignUpChangesAsync(IReadOnlyList<SignUpChange> changes, PluginContext context, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var outboxFile = context.Setting("outboxFile", DefaultOutboxFile);
        var blanked = await CsvOutbox.WriteSignUpChangesAsync(PluginFiles.OutboxPath(context, outboxFile), Separator(context), OutboxHeader, changes, cancellationToken);
        context.Log.Info(blanked == 0
            ? $"{outboxFile}: {changes.Count} sign-up changes added."
            : $"{outboxFile}: {changes.Count} sign-up changes added; name and contact of erased people taken out of {blanked} earlier rows.");
    }

    private static char Separator(PluginContext context) => context.Setting("separator", ";")[0];

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
