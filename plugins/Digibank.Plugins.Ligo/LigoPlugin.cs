using System.Runtime.CompilerServices;
using Digibank.Plugins.Shared;
using Digibank.Plugins.Shared.Csv;

namespace Digibank.Plugins.Ligo;

/// <summary>
/// LIGO Centrum voor Basiseducatie: reads the semicolon-separated export of LIGO's course administration
/// (<c>cursussen.csv</c>) and the sign-ups LIGO took (<c>inschrijvingen.csv</c>), and appends the sign-ups made on the
/// platform to <c>outbox/inschrijvingen-digibank.csv</c>, which LIGO imports; an erasure notice takes the person's name
/// and contact out of the rows of that sign-up. See samples/README.md for the format.
/// </summary>
public sealed class LigoPlugin : IPartnerPlugin
{
    internal const string DefaultOffersFile = "cursussen.csv";
    internal const string DefaultSignUpsFile = "inschrijvingen.csv";
    internal const string DefaultOutboxFile = "outbox/inschrijvingen-digibank.csv";

    private static readonly string[] OutboxHeader =
        ["digibank_id", "cursuscode", "status", "wachtlijst", "voornaam", "e-mail", "telefoon", "gewijzigd_op"];

    public string PartnerCode => "ligo";

    public async IAsyncEnumerable<CourseOffer> ReadOffersAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offersFile = context.Setting("offersFile", DefaultOffersFile);
        var path = PluginFiles.InputPath(context, offersFile, offersFile, typeof(LigoPlugin));
        using var csv = CsvFile.Open(path, Separator(context), "cursuscode", "titel", "sessies");

        int read = 0, skipped = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            var offer = LigoCourseRow.Parse(csv, offersFile, context.Log);
            if (offer is null)
            {
                skipped++;
                continue;
            }

            read++;
            yield return offer;
        }

        context.Log.Info($"{offersFile}: {read} courses read, {skipped} rows skipped.");
    }

    public async IAsyncEnumerable<SignUpRecord> ReadSignUpsAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var signUpsFile = context.Setting("signUpsFile", DefaultSignUpsFile);
        var path = PluginFiles.InputPath(context, signUpsFile, context.Setting("offersFile", DefaultOffersFile), typeof(LigoPlugin));
        if (!File.Exists(path))
        {
            context.Log.Info($"{signUpsFile} is not there: LIGO took no sign-ups of its own.");
            yield break;
        }

        using var csv = CsvFile.Open(path, Separator(context), "inschrijvingsnummer", "cursuscode");
        int read = 0, skipped = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            var record = ParseSignUp(csv, signUpsFile, context.Log);
            if (record is null)
            {
                skipped++;
                continue;
            }

            read++;
            yield return record;
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

    private static SignUpRecord? ParseSignUp(CsvFile csv, string fileName, IPluginLog log)
    {
        var id = csv.Get("inschrijvingsnummer");
        var course = csv.Get("cursuscode");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(course))
        {
            log.Warning($"{fileName} line {csv.Line}: skipped, no inschrijvingsnummer or cursuscode.");
            return null;
        }

        var firstName = csv.Get("voornaam");
        if (string.IsNullOrEmpty(firstName))
        {
            log.Warning($"{fileName} line {csv.Line}: sign-up {id} skipped, no voornaam.");
            return null;
        }

        var status = csv.Get("status") ?? string.Empty;
        var cancelled = status.Equals("geannuleerd", StringComparison.OrdinalIgnoreCase)
            || status.Equals("uitgeschreven", StringComparison.OrdinalIgnoreCase);
        var targetGroup = csv.Get("doelgroep");
        return new SignUpRecord(
            id,
            course,
            firstName,
            NullIfEmpty(csv.Get("e-mail", "email")),
            NullIfEmpty(csv.Get("telefoon", "gsm")),
            Vocabulary.Town(csv.Get("woonplaats", "gemeente")),
            string.IsNullOrEmpty(targetGroup) ? "EVERYONE" : Vocabulary.TargetGroup(targetGroup),
            cancelled);
    }

    private static char Separator(PluginContext context) => context.Setting("separator", ";")[0];

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
