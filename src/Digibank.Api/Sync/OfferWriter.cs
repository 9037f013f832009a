using Digibank.Api.Courses;
using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

/// <summary>
/// Applies checked offers to the catalogue inside the caller's transaction, one batch of an upload at a time.
/// New courses go in through prepared statements (EF Core's SQLite provider sends one statement per entity
/// and would make a large upload many times slower); changed courses go through EF; unchanged ones are
/// recognised by hash.
/// </summary>
public sealed class OfferWriter(DigibankDbContext db, int partnerId, DateTime now)
{
    private Dictionary<string, ExistingCourse> _existing = [];
    private BulkCourseInserter? _inserter;

    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }

    /// <summary>Reads the partner's courses of these offers, in the batch's transaction: what the batch decides on.</summary>
    public async Task LoadExistingAsync(IEnumerable<string> externalIds, CancellationToken cancellationToken)
    {
        var wanted = externalIds.ToArray();
        // One parameter for the whole batch: binding a thousand named parameters costs more than the lookups.
        _existing = await db.Courses.AsNoTracking().Where(c => c.PartnerId == partnerId && EF.Parameter(wanted).Contains(c.ExternalId))
            .Select(c => new ExistingCourse(c.ExternalId, c.Id, c.SourceHash, c.Status))
            .ToDictionaryAsync(course => course.ExternalId, StringComparer.Ordinal, cancellationToken);
    }

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

    /// <summary>
    /// Takes courses out of the catalogue, inside the caller's transaction: the one way a partner's course is
    /// withdrawn, whether by an upload or by a coordinator confirming a held snapshot.
    /// </summary>
    public static async Task<int> WithdrawCoursesAsync(DigibankDbContext db, IReadOnlyCollection<int> courseIds, DateTime now, CancellationToken cancellationToken) =>
        await WithdrawActiveAsync(db, await ActiveAmongAsync(db, courseIds, cancellationToken), now, cancellationToken);

    /// <summary>Those of the courses that are not withdrawn, read in the caller's transaction.</summary>
    public static Task<List<int>> ActiveAmongAsync(DigibankDbContext db, IEnumerable<int> courseIds, CancellationToken cancellationToken)
    {
        var ids = courseIds.Distinct().ToArray();
        return db.Courses.Where(c => EF.Parameter(ids).Contains(c.Id) && c.Status != CourseStatus.Withdrawn).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Withdraws courses known to be active, in the caller's transaction. One statement with the ids as one parameter
    /// (an array, or JSON on SQLite): tens of thousands of named parameters would cost more to bind than the update itself.
    /// </summary>
    public static async Task<int> WithdrawActiveAsync(DigibankDbContext db, IReadOnlyCollection<int> activeCourseIds, DateTime now, CancellationToken cancellationToken)
    {
        if (activeCourseIds.Count == 0)
        {
            return 0;
        }

        var ids = activeCourseIds.ToArray();
        await db.Courses.Where(c => EF.Parameter(ids).Contains(c.Id))
            .ExecuteUpdateAsync(courses => courses.SetProperty(c => c.Status, CourseStatus.Withdrawn).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        // A bulk update bypasses the change tracker, so the event is raised here; the caller's next save writes it.
        db.Raise(new CoursesWithdrawn(ids, now));
        return ids.Length;
    }

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
        course.RegionId = offer.RegionId;
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
