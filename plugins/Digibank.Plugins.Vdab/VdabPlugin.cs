using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Digibank.Plugins.Shared;

namespace Digibank.Plugins.Vdab;

/// <summary>
/// VDAB: reads the training catalogue as VDAB's API returns it (<c>opleidingen.json</c>) and the sign-ups VDAB took
/// (<c>inschrijvingen.json</c>), and keeps the sign-ups made on the platform in <c>outbox/digibank-inschrijvingen.json</c>,
/// one JSON array, replaced in one step with the new changes added; an erasure notice takes the person's name and contact
/// out of the entries of that sign-up. See samples/README.md.
/// </summary>
public sealed class VdabPlugin : IPartnerPlugin
{
    internal const string DefaultOffersFile = "opleidingen.json";
    internal const string DefaultSignUpsFile = "inschrijvingen.json";
    internal const string DefaultOutboxFile = "outbox/digibank-inschrijvingen.json";

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    // Names and e-mail addresses keep their accents in the outbox instead of becoming \u00EB escapes.
    private static readonly VdabJsonContext OutboxJson = new(new JsonSerializerOptions(VdabJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public string PartnerCode => "vdab";

    public async IAsyncEnumerable<CourseOffer> ReadOffersAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offersFile = context.Setting("offersFile", DefaultOffersFile);
        var path = PluginFiles.InputPath(context, offersFile, offersFile, typeof(VdabPlugin));
        using var document = await ReadDocumentAsync(path, cancellationToken);
        var items = Array(document, "opleidingen", offersFile);

        int read = 0, skipped = 0;
        foreach (var (item, position) in items.Select((item, index) => (item, index + 1)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var offer = VdabCatalogue.Offer(item, position, offersFile, context.Log);
            if (offer is null)
            {
                skipped++;
                continue;
            }

            read++;
            yield return offer;
        }

        context.Log.Info($"{offersFile}: {read} trainings read, {skipped} skipped.");
    }

    public async IAsyncEnumerable<SignUpRecord> ReadSignUpsAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var signUpsFile = context.Setting("signUpsFile", DefaultSignUpsFile);
        var path = PluginFiles.InputPath(context, signUpsFile, context.Setting("offersFile", DefaultOffersFile), typeof(VdabPlugin));
        if (!File.Exists(path))
        {
            context.Log.Info($"{signUpsFile} is not there: VDAB took no sign-ups of its own.");
            yield break;
        }

        using var document = await ReadDocumentAsync(path, cancellationToken);
        int read = 0, skipped = 0;
        foreach (var (item, position) in Array(document, "inschrijvingen", signUpsFile).Select((item, index) => (item, index + 1)))
        {
            var record = VdabCatalogue.SignUp(item, position, signUpsFile, context.Log);
            if (record is null)
            {
                skipped++;
                continue;
            }

            read++;
            yield return record;
        }

        context.Log.Info($"{signUpsFile}: {read} sign-ups read, {skipped} skipped.");
    }

    public async Task WriteSignUpChangesAsync(IReadOnlyList<SignUpChange> changes, PluginContext context, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var outboxFile = context.Setting("outboxFile", DefaultOutboxFile);
        var path = PluginFiles.OutboxPath(context, outboxFile);

        // What is there stays; a file that is not a JSON array is VDAB's to look at, so it fails the run untouched.
        var outbox = new List<DigibankInschrijving>();
        if (File.Exists(path) && new FileInfo(path).Length > 0)
        {
            await using var existing = File.OpenRead(path);
            outbox = await JsonSerializer.DeserializeAsync(existing, OutboxJson.ListDigibankInschrijving, cancellationToken)
                ?? throw new InvalidDataException($"{outboxFile} holds null instead of a JSON array; fix or move it.");
        }

        outbox.AddRange(changes.Select(change => new DigibankInschrijving
        {
            DigibankId = change.SignUpId,
            OpleidingsId = change.CourseExternalId,
            Status = VdabCatalogue.OutboxStatus(change.Status),
            WachtlijstPositie = change.WaitlistPosition,
            Voornaam = change.FirstName,
            Email = change.Email,
            Telefoon = change.Phone,
            GewijzigdOp = BrusselsTime.FromUtc(change.ChangedAt),
        }));

        // An erasure notice: the person's name and contact leave every entry of that sign-up, the earlier ones included.
        var erased = changes.Where(change => change.Erased).Select(change => change.SignUpId).ToHashSet(StringComparer.Ordinal);
        var blanked = 0;
        for (var index = 0; index < outbox.Count; index++)
        {
            if (erased.Contains(outbox[index].DigibankId) && outbox[index] is { Voornaam: not null } or { Email: not null } or { Telefoon: not null })
            {
                outbox[index] = outbox[index] with { Voornaam = null, Email = null, Telefoon = null };
                blanked++;
            }
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(outbox, OutboxJson.ListDigibankInschrijving);
        await PluginFiles.ReplaceAsync(path, bytes, cancellationToken);
        context.Log.Info(blanked == 0
            ? $"{outboxFile}: {changes.Count} sign-up changes added, {outbox.Count} in all."
            : $"{outboxFile}: {changes.Count} sign-up changes added, {outbox.Count} in all; name and contact of erased people taken out of {blanked} entries.");
    }

    /// <summary>Throws when the file is missing or not JSON: a catalogue that cannot be read must not withdraw every offer.</summary>
    private static async Task<JsonDocument> ReadDocumentAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonDocument.ParseAsync(stream, DocumentOptions, cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is not valid JSON: {exception.Message}", exception);
        }
    }

    /// <summary>The array <paramref name="name"/> of the root object, or the root itself when it is an array.</summary>
    private static IEnumerable<JsonElement> Array(JsonDocument document, string name, string fileName)
    {
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray();
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.ValueKind == JsonValueKind.Array
                        ? property.Value.EnumerateArray()
                        : throw new InvalidDataException($"{fileName}: \"{name}\" is not an array.");
                }
            }
        }

        throw new InvalidDataException($"{fileName} is not the expected export: it has no \"{name}\" array.");
    }
}
