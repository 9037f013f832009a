using System.Text.Json;
using Digibank.Plugins.Shared;

namespace Digibank.Plugins.Vdab;

/// <summary>
/// One training or sign-up of VDAB's export. A record the plug-in cannot read (wrong JSON types, no id, a time it
/// cannot parse) is skipped with a warning; readable but wrong values (0 seats, an end before the start, an unknown
/// help point) go to the platform, which rejects the offer and says why.
/// </summary>
internal static class VdabCatalogue
{
    public static CourseOffer? Offer(JsonElement item, int position, string fileName, IPluginLog log)
    {
        VdabOpleiding? training;
        try
        {
            training = item.Deserialize(VdabJsonContext.Default.VdabOpleiding);
        }
        catch (JsonException exception)
        {
            log.Warning($"{fileName}: training {position} ({Id(item, "opleidingsId")}) skipped, {exception.Message}");
            return null;
        }

        if (training is null || string.IsNullOrWhiteSpace(training.OpleidingsId))
        {
            log.Warning($"{fileName}: training {position} skipped, it has no opleidingsId.");
            return null;
        }

        var id = training.OpleidingsId.Trim();
        void Skip(string why) => log.Warning($"{fileName}: training {id} skipped, {why}.");

        if (string.IsNullOrWhiteSpace(training.Titel))
        {
            Skip("no titel");
            return null;
        }

        if (ReadSessions(training, out var sessions) is { } sessionsUnreadable)
        {
            Skip(sessionsUnreadable);
            return null;
        }

        if (ReadTerms(training, out var deadline) is { } termsUnreadable)
        {
            Skip(termsUnreadable);
            return null;
        }

        return ToCourseOffer(training, id, training.Titel.Trim(), sessions, deadline);
    }

    /// <summary>The training's sessions; null when they are read, else why the training is skipped.</summary>
    private static string? ReadSessions(VdabOpleiding training, out List<SessionOffer> sessions)
    {
        sessions = [];
        foreach (var session in training.Sessies ?? [])
        {
            if (!BrusselsTime.TryParseToUtc(session.Start, out var startsAt) || !BrusselsTime.TryParseToUtc(session.Einde, out var endsAt))
            {
                return $"session '{session.Start}'-'{session.Einde}' is not a pair of ISO 8601 times";
            }

            // An end before the start is passed on: the platform rejects the training and VDAB sees why.
            sessions.Add(new SessionOffer(startsAt, endsAt, Empty(session.Lokaal)));
        }

        return sessions.Count == 0 ? "no sessies" : null;
    }

    /// <summary>The sign-up deadline, and a price in euro; null when they are read, else why the training is skipped.</summary>
    private static string? ReadTerms(VdabOpleiding training, out DateTime? deadline)
    {
        deadline = null;
        if (!string.IsNullOrWhiteSpace(training.InschrijvenTot))
        {
            if (!BrusselsTime.TryParseDeadlineToUtc(training.InschrijvenTot, out var parsed))
            {
                return $"inschrijvenTot '{training.InschrijvenTot}' is not an ISO 8601 time";
            }

            deadline = parsed;
        }

        if (training.Prijs?.Munt is { Length: > 0 } currency && !currency.Equals("EUR", StringComparison.OrdinalIgnoreCase))
        {
            return $"the price is in {currency}, not in euro";
        }

        return null;
    }

    private static CourseOffer ToCourseOffer(VdabOpleiding training, string id, string title, List<SessionOffer> sessions, DateTime? deadline)
    {
        // With digibankHulppunt the training is at a Digibank help point; otherwise at VDAB's own venue.
        var venue = training.Leslocatie;
        var helpPoint = Empty(training.DigibankHulppunt);
        var status = training.Status?.Trim().ToUpperInvariant();
        return new CourseOffer
        {
            ExternalId = id,
            Title = title,
            Summary = training.Omschrijving?.Trim() ?? string.Empty,
            Topics = Vocabulary.Topics(string.Join(',', training.Themas ?? [])),
            TargetGroups = Vocabulary.TargetGroups(string.Join(',', training.Doelgroepen ?? [])),
            Level = Vocabulary.Level(training.Niveau),
            Language = Vocabulary.Language(training.Taal),
            HelpPointName = helpPoint,
            VenueName = helpPoint is null ? Empty(venue?.Naam) : null,
            VenueStreet = helpPoint is null ? Empty(venue?.Straat) : null,
            Municipality = Empty(venue?.Gemeente) is { } town ? Vocabulary.Town(town) : null,
            Capacity = training.Capaciteit ?? 0,
            PriceCents = Cents(training.Prijs?.Bedrag) ?? 0,
            ReducedPriceCents = Cents(training.Prijs?.VerminderdBedrag),
            SignUpDeadline = deadline,
            Cancelled = status is "GEANNULEERD" or "AFGELAST",
            WheelchairAccessible = training.Toegankelijkheid?.Rolstoeltoegankelijk ?? false,
            AccessibilityNotes = Empty(training.Toegankelijkheid?.Opmerkingen),
            Sessions = sessions,
        };
    }

    public static SignUpRecord? SignUp(JsonElement item, int position, string fileName, IPluginLog log)
    {
        VdabInschrijving? signUp;
        try
        {
            signUp = item.Deserialize(VdabJsonContext.Default.VdabInschrijving);
        }
        catch (JsonException exception)
        {
            log.Warning($"{fileName}: sign-up {position} ({Id(item, "inschrijvingsId")}) skipped, {exception.Message}");
            return null;
        }

        if (signUp is null || string.IsNullOrWhiteSpace(signUp.InschrijvingsId) || string.IsNullOrWhiteSpace(signUp.OpleidingsId)
            || string.IsNullOrWhiteSpace(signUp.Voornaam))
        {
            log.Warning($"{fileName}: sign-up {position} skipped, it needs an inschrijvingsId, an opleidingsId and a voornaam.");
            return null;
        }

        var status = signUp.Status?.Trim().ToUpperInvariant();
        return new SignUpRecord(
            signUp.InschrijvingsId.Trim(),
            signUp.OpleidingsId.Trim(),
            signUp.Voornaam.Trim(),
            Empty(signUp.Email),
            Empty(signUp.Telefoon),
            Vocabulary.Town(signUp.Woonplaats),
            string.IsNullOrWhiteSpace(signUp.Doelgroep) ? "EVERYONE" : Vocabulary.TargetGroup(signUp.Doelgroep),
            status is "GEANNULEERD" or "UITGESCHREVEN");
    }

    /// <summary>The platform's status as VDAB's sign-up API names it.</summary>
    public static string OutboxStatus(string status) => Vocabulary.SignUpStatusWord(status).ToUpperInvariant();

    private static int? Cents(decimal? euro) =>
        euro is { } amount ? (int)Math.Clamp(Math.Round(amount * 100m, MidpointRounding.AwayFromZero), int.MinValue, int.MaxValue) : null;

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Id(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString() ?? "?"
            : "no id";
}
