using System.Globalization;
using System.Security.Cryptography;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Partners;
using Digibank.Api.Regions;
using Digibank.Partners.V1;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

/// <summary>
/// Checks a partner's offers against the region's reference data (help points, towns, topics) and
/// maps them; every rejected record keeps its reason for the upload summary.
/// </summary>
public sealed class OfferChecker
{
    public const int MaxOffersPerUpload = 200_000;
    public const int MaxOffersPerBatch = 1_000;

    private readonly ILookup<string, (int Id, int MunicipalityId, bool Wheelchair)> _helpPoints;
    private readonly Dictionary<string, int> _municipalities;
    private readonly Dictionary<string, int> _topics;
    private readonly Dictionary<int, int> _regionOfMunicipality;
    private readonly Dictionary<int, string> _regionCodes;
    private readonly HashSet<int> _allowedRegions;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private OfferChecker(
        ILookup<string, (int, int, bool)> helpPoints,
        Dictionary<string, int> municipalities,
        Dictionary<string, int> topics,
        Dictionary<int, int> regionOfMunicipality,
        Dictionary<int, string> regionCodes,
        HashSet<int> allowedRegions)
    {
        _regionOfMunicipality = regionOfMunicipality;
        _helpPoints = helpPoints;
        _municipalities = municipalities;
        _topics = topics;
        _regionCodes = regionCodes;
        _allowedRegions = allowedRegions;
    }

    public List<RejectedRecord> Rejected { get; } = [];

    public List<CleanedRecord> Cleaned { get; } = [];

    /// <summary>The places, topics and regions of every region, and the regions <paramref name="partnerId"/> may publish in.</summary>
    public static async Task<OfferChecker> LoadAsync(DigibankDbContext db, int partnerId, CancellationToken cancellationToken)
    {
        var helpPoints = await db.HelpPoints.AsNoTracking().Select(h => new { h.NameKey, h.Id, h.MunicipalityId, h.WheelchairAccessible }).ToListAsync(cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().Select(m => new { m.Id, m.NameKey, m.RegionId }).ToListAsync(cancellationToken);
        return new OfferChecker(
            helpPoints.ToLookup(h => h.NameKey, h => (h.Id, h.MunicipalityId, h.WheelchairAccessible)),
            municipalities.ToDictionary(m => m.NameKey, m => m.Id),
            await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken),
            municipalities.ToDictionary(m => m.Id, m => m.RegionId),
            await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Code, cancellationToken),
            [.. await db.PartnerRegions.Where(r => r.PartnerId == partnerId).Select(r => r.RegionId).ToListAsync(cancellationToken)]);
    }

    public ValidOffer? Check(CourseOffer offer)
    {
        var reason = Problem(offer, out var valid);
        if (reason is not null)
        {
            Rejected.Add(new RejectedRecord { ExternalId = offer.ExternalId, Reason = reason });
            return null;
        }

        return valid;
    }

    private string? Problem(CourseOffer offer, out ValidOffer? valid)
    {
        valid = null;
        var title = PlainText.OneLine(offer.Title);
        if ((IdentityProblem(offer) ?? TextProblem(offer, title) ?? FiguresProblem(offer)) is { } problem)
        {
            return problem;
        }

        if (SessionsProblem(offer, out var sessions, out var signUpDeadline) is { } sessionsProblem)
        {
            return sessionsProblem;
        }

        if (KindProblem(offer, out var targetGroups, out var level, out var language) is { } kindProblem)
        {
            return kindProblem;
        }

        if ((PlaceProblem(offer, out var helpPointId, out var municipalityId, out var wheelchair) ?? RegionProblem(municipalityId)) is { } placeProblem)
        {
            return placeProblem;
        }

        NoteCleanedFields(offer);
        valid = new ValidOffer(
            offer.ExternalId,
            Convert.ToHexString(SHA256.HashData(offer.ToByteArray())),
            title,
            PlainText.Lines(offer.Summary).Trim(),
            level,
            language,
            [.. offer.Topics.Distinct().Select(code => _topics[code])],
            [.. targetGroups.Distinct()],
            helpPointId,
            Optional(PlainText.OneLine(offer.VenueName)),
            Optional(PlainText.OneLine(offer.VenueStreet)),
            municipalityId,
            offer.Capacity,
            offer.PriceCents,
            offer.HasReducedPriceCents ? offer.ReducedPriceCents : null,
            signUpDeadline,
            offer.Cancelled ? CourseStatus.Cancelled : CourseStatus.Scheduled,
            wheelchair,
            Optional(PlainText.Lines(offer.AccessibilityNotes)),
            [.. sessions.OrderBy(s => s.StartsAt)],
            _regionOfMunicipality[municipalityId]);
        return null;
    }

    private string? IdentityProblem(CourseOffer offer)
    {
        if (string.IsNullOrWhiteSpace(offer.ExternalId) || offer.ExternalId.Length > 100)
        {
            return "external_id is required and at most 100 characters.";
        }

        return _seen.Add(offer.ExternalId) ? null : "This external_id is listed twice in the upload.";
    }

    private static string? TextProblem(CourseOffer offer, string title)
    {
        if (string.IsNullOrWhiteSpace(title) || offer.Title.Length > 200)
        {
            return "title is required and at most 200 characters.";
        }

        if (offer.Summary.Length > 2000 || offer.AccessibilityNotes.Length > 2000 || offer.VenueName.Length > 200 || offer.VenueStreet.Length > 200)
        {
            return "summary and accessibility_notes are at most 2000 characters, venue_name and venue_street at most 200.";
        }

        return null;
    }

    private static string? FiguresProblem(CourseOffer offer)
    {
        if (offer.Capacity is < 1 or > 500)
        {
            return $"capacity must be between 1 and 500, not {offer.Capacity}.";
        }

        if (offer.PriceCents < 0 || offer.ReducedPriceCents < 0 || offer.ReducedPriceCents > offer.PriceCents)
        {
            return "Prices cannot be negative, and the reduced price is at most the full price.";
        }

        return null;
    }

    private static string? SessionsProblem(CourseOffer offer, out List<(DateTime StartsAt, DateTime EndsAt, string? Room)> sessions, out DateTime? signUpDeadline)
    {
        sessions = new List<(DateTime StartsAt, DateTime EndsAt, string? Room)>(offer.Sessions.Count);
        signUpDeadline = null;
        if (offer.Sessions.Count is 0 or > 100)
        {
            return "A course has 1 to 100 sessions.";
        }

        foreach (var session in offer.Sessions)
        {
            if (PartnerTime.Problem("sessions.starts_at", session.StartsAt, required: true, out var startsAt) is { } startProblem)
            {
                return startProblem;
            }

            if (PartnerTime.Problem("sessions.ends_at", session.EndsAt, required: true, out var endsAt) is { } endProblem)
            {
                return endProblem;
            }

            sessions.Add((startsAt!.Value, endsAt!.Value, Optional(PlainText.OneLine(session.Room))));
        }

        if (sessions.Any(s => s.EndsAt <= s.StartsAt || s.EndsAt - s.StartsAt > TimeSpan.FromHours(12)))
        {
            return "Every session needs a start and an end after it, at most 12 hours later.";
        }

        return PartnerTime.Problem("sign_up_deadline", offer.SignUpDeadline, required: false, out signUpDeadline);
    }

    /// <summary>Topics, target groups, level and language: what the course is about and for whom.</summary>
    private string? KindProblem(CourseOffer offer, out List<TargetGroup> targetGroups, out CourseLevel level, out CourseLanguage language)
    {
        targetGroups = [];
        (level, language) = (default, default);
        var unknownTopic = offer.Topics.FirstOrDefault(code => !_topics.ContainsKey(code));
        if (unknownTopic is not null)
        {
            return $"Unknown topic '{unknownTopic}'. Known topics: {string.Join(", ", _topics.Keys.Order())}.";
        }

        foreach (var group in offer.TargetGroups)
        {
            if (!TryEnum<TargetGroup>(group, out var targetGroup))
            {
                return $"Unknown target group '{group}'.";
            }

            targetGroups.Add(targetGroup);
        }

        if (!TryEnum(Or(offer.Level, "BEGINNER"), out level) || !TryEnum(Or(offer.Language, "DUTCH"), out language))
        {
            return $"Unknown level '{offer.Level}' or language '{offer.Language}'.";
        }

        return null;
    }

    private string? PlaceProblem(CourseOffer offer, out int? helpPointId, out int municipalityId, out bool wheelchair)
    {
        helpPointId = null;
        wheelchair = offer.WheelchairAccessible;
        if (Optional(offer.HelpPointName) is { } helpPointName)
        {
            // Two regions may each have a help point of the same name: the one in a region the partner publishes in is meant.
            var named = _helpPoints[TextKey.Fold(helpPointName)].ToList();
            if (named.Count == 0)
            {
                municipalityId = 0;
                return $"Unknown help point '{helpPointName}'.";
            }

            var helpPoint = named.FirstOrDefault(h => _allowedRegions.Contains(_regionOfMunicipality[h.MunicipalityId]), named[0]);

            (helpPointId, municipalityId) = (helpPoint.Id, helpPoint.MunicipalityId);
            wheelchair |= helpPoint.Wheelchair;
            return null;
        }

        if (Optional(offer.VenueName) is null || !_municipalities.TryGetValue(TextKey.Fold(offer.Municipality), out municipalityId))
        {
            municipalityId = 0;
            return "Name a help point, or a venue and a town of the region (Poperinge, Heuvelland, Mesen, Vleteren).";
        }

        return null;
    }

    /// <summary>An offer lands in the region of its place, and only in a region the partner was registered for.</summary>
    private string? RegionProblem(int municipalityId)
    {
        var region = _regionOfMunicipality[municipalityId];
        if (_allowedRegions.Contains(region))
        {
            return null;
        }

        var allowed = _allowedRegions.Count == 0 ? "none" : string.Join(", ", _allowedRegions.Select(id => _regionCodes.GetValueOrDefault(id, id.ToString(CultureInfo.InvariantCulture))).Order());
        return $"The place lies in region '{_regionCodes.GetValueOrDefault(region, region.ToString(CultureInfo.InvariantCulture))}', where this partner does not publish; its regions: {allowed}.";
    }

    // Texts lose control characters and direction marks at the door; the partner hears which were cleaned.
    private void NoteCleanedFields(CourseOffer offer)
    {
        string[] cleaned =
        [
            .. new[] { ("title", offer.Title), ("venue_name", offer.VenueName), ("venue_street", offer.VenueStreet) }
                .Concat(offer.Sessions.Select(session => ("sessions.room", session.Room)))
                .Where(field => PlainText.NeedsCleaning(field.Item2, keepLineBreaks: false)).Select(field => field.Item1),
            .. new[] { ("summary", offer.Summary), ("accessibility_notes", offer.AccessibilityNotes) }
                .Where(field => PlainText.NeedsCleaning(field.Item2, keepLineBreaks: true)).Select(field => field.Item1),
        ];
        if (cleaned.Length > 0)
        {
            Cleaned.Add(new CleanedRecord { ExternalId = offer.ExternalId, Fields = { cleaned.Distinct() } });
        }
    }

    private static bool TryEnum<TEnum>(string value, out TEnum result)
        where TEnum : struct, Enum =>
        Enum.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out result) && Enum.IsDefined(result);

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    private static string? Optional(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
