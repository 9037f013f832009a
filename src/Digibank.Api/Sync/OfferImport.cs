using System.Security.Cryptography;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Partners.V1;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

/// <summary>An offer that passed the checks, mapped onto the catalogue's terms.</summary>
public sealed record ValidOffer(
    string ExternalId,
    string SourceHash,
    string Title,
    string Summary,
    CourseLevel Level,
    CourseLanguage Language,
    IReadOnlyList<int> TopicIds,
    IReadOnlyList<TargetGroup> TargetGroups,
    int? HelpPointId,
    string? VenueName,
    string? VenueStreet,
    int MunicipalityId,
    int Capacity,
    int PriceCents,
    int? ReducedPriceCents,
    DateTime? SignUpDeadline,
    CourseStatus Status,
    bool WheelchairAccessible,
    string? AccessibilityNotes,
    IReadOnlyList<(DateTime StartsAt, DateTime EndsAt, string? Room)> Sessions);

/// <summary>
/// Checks a partner's offers against the region's reference data (help points, towns, topics) and
/// maps them; every rejected record keeps its reason for the upload summary.
/// </summary>
public sealed class OfferChecker
{
    public const int MaxOffersPerUpload = 200_000;
    public const int MaxOffersPerBatch = 1_000;

    private readonly Dictionary<string, (int Id, int MunicipalityId, bool Wheelchair)> _helpPoints;
    private readonly Dictionary<string, int> _municipalities;
    private readonly Dictionary<string, int> _topics;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private OfferChecker(
        Dictionary<string, (int, int, bool)> helpPoints,
        Dictionary<string, int> municipalities,
        Dictionary<string, int> topics)
    {
        _helpPoints = helpPoints;
        _municipalities = municipalities;
        _topics = topics;
    }

    public List<RejectedRecord> Rejected { get; } = [];

    public List<CleanedRecord> Cleaned { get; } = [];

    public static async Task<OfferChecker> LoadAsync(DigibankDbContext db, CancellationToken cancellationToken) => new(
        await db.HelpPoints.AsNoTracking().ToDictionaryAsync(h => h.NameKey, h => (h.Id, h.MunicipalityId, h.WheelchairAccessible), cancellationToken),
        await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.NameKey, m => m.Id, cancellationToken),
        await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken));

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
        if (string.IsNullOrWhiteSpace(offer.ExternalId) || offer.ExternalId.Length > 100)
        {
            return "external_id is required and at most 100 characters.";
        }

        if (!_seen.Add(offer.ExternalId))
        {
            return "This external_id is listed twice in the upload.";
        }

        var title = PlainText.OneLine(offer.Title);
        if (string.IsNullOrWhiteSpace(title) || offer.Title.Length > 200)
        {
            return "title is required and at most 200 characters.";
        }

        if (offer.Summary.Length > 2000 || offer.AccessibilityNotes.Length > 2000 || offer.VenueName.Length > 200 || offer.VenueStreet.Length > 200)
        {
            return "summary and accessibility_notes are at most 2000 characters, venue_name and venue_street at most 200.";
        }

        if (offer.Capacity is < 1 or > 500)
        {
            return $"capacity must be between 1 and 500, not {offer.Capacity}.";
        }

        if (offer.PriceCents < 0 || offer.ReducedPriceCents < 0 || offer.ReducedPriceCents > offer.PriceCents)
        {
            return "Prices cannot be negative, and the reduced price is at most the full price.";
        }

        if (offer.Sessions.Count is 0 or > 100)
        {
            return "A course has 1 to 100 sessions.";
        }

        var sessions = new List<(DateTime StartsAt, DateTime EndsAt, string? Room)>(offer.Sessions.Count);
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

        if (PartnerTime.Problem("sign_up_deadline", offer.SignUpDeadline, required: false, out var signUpDeadline) is { } deadlineProblem)
        {
            return deadlineProblem;
        }

        var unknownTopic = offer.Topics.FirstOrDefault(code => !_topics.ContainsKey(code));
        if (unknownTopic is not null)
        {
            return $"Unknown topic '{unknownTopic}'. Known topics: {string.Join(", ", _topics.Keys.Order())}.";
        }

        var targetGroups = new List<TargetGroup>();
        foreach (var group in offer.TargetGroups)
        {
            if (!TryEnum<TargetGroup>(group, out var targetGroup))
            {
                return $"Unknown target group '{group}'.";
            }

            targetGroups.Add(targetGroup);
        }

        if (!TryEnum<CourseLevel>(Or(offer.Level, "BEGINNER"), out var level) || !TryEnum<CourseLanguage>(Or(offer.Language, "DUTCH"), out var language))
        {
            return $"Unknown level '{offer.Level}' or language '{offer.Language}'.";
        }

        int? helpPointId = null;
        var wheelchair = offer.WheelchairAccessible;
        int municipalityId;
        if (Optional(offer.HelpPointName) is { } helpPointName)
        {
            if (!_helpPoints.TryGetValue(TextKey.Fold(helpPointName), out var helpPoint))
            {
                return $"Unknown help point '{helpPointName}'.";
            }

            (helpPointId, municipalityId) = (helpPoint.Id, helpPoint.MunicipalityId);
            wheelchair |= helpPoint.Wheelchair;
        }
        else if (Optional(offer.VenueName) is null || !_municipalities.TryGetValue(TextKey.Fold(offer.Municipality), out municipalityId))
        {
            return "Name a help point, or a venue and a town of the region (Poperinge, Heuvelland, Mesen, Vleteren).";
        }

        // Texts lose control characters and direction marks at the door; the partner hears which were cleaned.
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
            [.. sessions.OrderBy(s => s.StartsAt)]);
        return null;
    }

    private static bool TryEnum<TEnum>(string value, out TEnum result)
        where TEnum : struct, Enum =>
        Enum.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out result) && Enum.IsDefined(result);

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    private static string? Optional(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// Applies checked offers to the catalogue inside the caller's transaction. New courses go in through
/// prepared statements (EF Core's SQLite provider sends one statement per entity and would make a large
/// upload many times slower); changed courses go through EF; unchanged ones are recognised by hash.
/// </summary>
public sealed class OfferWriter(DigibankDbContext db, int partnerId, DateTime now)
{
    private Dictionary<string, (int Id, string? Hash, CourseStatus Status)> _existing = [];
    private BulkCourseInserter? _inserter;

    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }

    public async Task LoadExistingAsync(CancellationToken cancellationToken) =>
        _existing = await db.Courses.AsNoTracking().Where(c => c.PartnerId == partnerId)
            .Select(c => new { c.ExternalId, c.Id, c.SourceHash, c.Status })
            .ToDictionaryAsync(c => c.ExternalId, c => (c.Id, c.SourceHash, c.Status), StringComparer.Ordinal, cancellationToken);

    public async Task WriteAsync(ValidOffer offer, CancellationToken cancellationToken)
    {
        if (!_existing.TryGetValue(offer.ExternalId, out var existing))
        {
            _inserter ??= await BulkCourseInserter.PrepareAsync(db, cancellationToken);
            var created = new Course { Title = offer.Title, Summary = offer.Summary, ExternalId = offer.ExternalId, PartnerId = partnerId };
            Apply(created, offer);
            await _inserter.InsertAsync(created, offer.TopicIds, cancellationToken);
            Created++;
            return;
        }

        if (existing.Hash == offer.SourceHash && existing.Status != CourseStatus.Withdrawn)
        {
            Unchanged++;
            return;
        }

        var course = await db.Courses.AsTracking().Include(c => c.Sessions).Include(c => c.Topics)
            .SingleAsync(c => c.Id == existing.Id, cancellationToken);
        var wentAhead = course.Status is CourseStatus.Scheduled or CourseStatus.Full;
        var sessionsBefore = course.Sessions.Select(session => (session.StartsAt, session.Room)).Order().ToList();
        Apply(course, offer);
        // The people signed up hear about a cancellation, or about sessions that moved, the moment the offer says so.
        var goesAhead = course.Status is CourseStatus.Scheduled or CourseStatus.Full;
        if (wentAhead && course.Status == CourseStatus.Cancelled)
        {
            db.Raise(new CoursesCancelled([course.Id], now));
        }
        else if (wentAhead && goesAhead && !sessionsBefore.SequenceEqual(course.Sessions.Select(session => (session.StartsAt, session.Room)).Order()))
        {
            db.Raise(new CoursesRescheduled([course.Id], now));
        }

        course.Topics = await db.Topics.AsTracking().Where(t => offer.TopicIds.Contains(t.Id)).ToListAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Updated++;
    }

    /// <summary>The partner's active (not withdrawn) courses before this upload.</summary>
    public int ActiveBefore => _existing.Values.Count(course => course.Status != CourseStatus.Withdrawn);

    /// <summary>The partner's active courses among these external ids: what withdrawing them would take.</summary>
    public List<int> ActiveCourseIds(IEnumerable<string> externalIds) => externalIds
        .Select(externalId => _existing.TryGetValue(externalId, out var course) && course.Status != CourseStatus.Withdrawn ? course.Id : 0)
        .Where(id => id > 0)
        .Distinct()
        .ToList();

    /// <summary>Withdraws the partner's courses that a completed snapshot no longer lists, or that a delta removes.</summary>
    public Task<int> WithdrawAsync(IReadOnlyCollection<int> courseIds, CancellationToken cancellationToken) =>
        WithdrawCoursesAsync(db, courseIds, now, cancellationToken);

    /// <summary>
    /// Takes courses out of the catalogue, inside the caller's transaction: the one way a partner's course is
    /// withdrawn, whether by an upload or by a coordinator confirming a held snapshot.
    /// </summary>
    public static async Task<int> WithdrawCoursesAsync(DigibankDbContext db, IReadOnlyCollection<int> courseIds, DateTime now, CancellationToken cancellationToken)
    {
        var withdrawn = new List<int>();
        foreach (var chunk in courseIds.Chunk(InChunks.Size))
        {
            var active = await db.Courses.Where(c => chunk.Contains(c.Id) && c.Status != CourseStatus.Withdrawn).Select(c => c.Id).ToListAsync(cancellationToken);
            await db.Courses.Where(c => active.Contains(c.Id))
                .ExecuteUpdateAsync(courses => courses.SetProperty(c => c.Status, CourseStatus.Withdrawn).SetProperty(c => c.UpdatedAt, now), cancellationToken);
            withdrawn.AddRange(active);
        }

        // A bulk update bypasses the change tracker, so the event is raised here; the caller's next save writes it.
        if (withdrawn.Count > 0)
        {
            db.Raise(new CoursesWithdrawn(withdrawn, now));
        }

        return withdrawn.Count;
    }

    public IEnumerable<string> KnownExternalIds => _existing.Keys;

    private void Apply(Course course, ValidOffer offer)
    {
        // Each assignment folds the text into its search key: not again for a course just made with it.
        if (!string.Equals(course.Title, offer.Title, StringComparison.Ordinal))
            course.Title = offer.Title;
        if (!string.Equals(course.Summary, offer.Summary, StringComparison.Ordinal))
            course.Summary = offer.Summary;
        course.Level = offer.Level;
        course.Language = offer.Language;
        course.TargetGroups = [.. offer.TargetGroups];
        course.HelpPointId = offer.HelpPointId;
        course.VenueName = offer.VenueName;
        course.VenueStreet = offer.VenueStreet;
        course.MunicipalityId = offer.MunicipalityId;
        course.Capacity = offer.Capacity;
        course.PriceCents = offer.PriceCents;
        course.ReducedPriceCents = offer.ReducedPriceCents;
        course.SignUpDeadline = offer.SignUpDeadline;
        course.Status = offer.Status;
        course.WheelchairAccessible = offer.WheelchairAccessible;
        course.AccessibilityNotes = offer.AccessibilityNotes;
        course.StartsAt = offer.Sessions[0].StartsAt;
        course.SourceHash = offer.SourceHash;
        course.UpdatedAt = now;
        course.Sessions = [.. offer.Sessions.Select(s => new CourseSession { StartsAt = s.StartsAt, EndsAt = s.EndsAt, Room = s.Room })];
    }
}

/// <summary>Three prepared INSERTs (course, its sessions, its topics), taken from EF's model, reused for every new course of an upload.</summary>
internal sealed class BulkCourseInserter(PreparedInsert course, PreparedInsert session, PreparedInsert topic, string courseKey, string topicKey)
{
    public static async Task<BulkCourseInserter> PrepareAsync(DigibankDbContext db, CancellationToken cancellationToken)
    {
        var courses = db.Model.FindEntityType(typeof(Course))!;
        var topics = courses.FindSkipNavigation(nameof(Course.Topics))!;
        return new BulkCourseInserter(
            await PreparedInsert.PrepareAsync(db, courses, returnKey: true, cancellationToken),
            await PreparedInsert.PrepareAsync(db, db.Model.FindEntityType(typeof(CourseSession))!, returnKey: false, cancellationToken),
            await PreparedInsert.PrepareAsync(db, topics.JoinEntityType, returnKey: false, cancellationToken),
            topics.ForeignKey.Properties.Single().Name,
            topics.Inverse.ForeignKey.Properties.Single().Name);
    }

    public async Task InsertAsync(Course newCourse, IEnumerable<int> topicIds, CancellationToken cancellationToken)
    {
        newCourse.Id = Convert.ToInt32(await course.InsertAsync(newCourse, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var newSession in newCourse.Sessions)
        {
            newSession.CourseId = newCourse.Id;
            await session.InsertAsync(newSession, cancellationToken);
        }

        foreach (var topicId in topicIds)
        {
            await topic.InsertAsync(new Dictionary<string, object> { [courseKey] = newCourse.Id, [topicKey] = topicId }, cancellationToken);
        }
    }
}
