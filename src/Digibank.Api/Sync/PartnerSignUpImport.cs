using System.Globalization;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Partners.V1;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Sync;

/// <summary>
/// Takes in the sign-ups a partner took in its own system: they hold seats like any other sign-up
/// (a full course puts them on the waiting list), and a cancellation frees the seat for the next in line.
/// Every record is checked first; the good ones are then applied in upload order, in batches of
/// <see cref="SignUpsPerBatch"/>, each in a short transaction of its own taken in turn in the
/// <see cref="WriteQueue"/>, so residents' sign-ups go in between batches instead of after the whole upload.
/// </summary>
public sealed class PartnerSignUpImport(IDbContextFactory<DigibankDbContext> dbContextFactory, WriteQueue writes, int partnerId, DateTime now)
{
    public const int MaxSignUpsPerUpload = 50_000;

    /// <summary>Sign-ups per transaction: a batch takes tens of milliseconds, the longest a resident's sign-up waits behind it.</summary>
    public const int SignUpsPerBatch = 200;

    public async Task<SignUpUploadSummary> ImportAsync(IReadOnlyList<PartnerSignUp> signUps, CancellationToken cancellationToken)
    {
        var summary = new SignUpUploadSummary();
        var checkedRecords = await CheckAsync(signUps, summary, cancellationToken);
        foreach (var batch in checkedRecords.Chunk(SignUpsPerBatch))
        {
            await writes.InTransactionAsync(dbContextFactory, async db =>
            {
                db.Origin = SignUpFeed.OriginOf(partnerId);
                await ApplyAsync(db, batch, summary, cancellationToken);
                return batch.Length;
            }, cancellationToken);
        }

        return summary;
    }

    /// <summary>Judges every record on its own, outside any write transaction; the rejected ones come back with their reason.</summary>
    private async Task<List<CheckedRecord>> CheckAsync(IReadOnlyList<PartnerSignUp> signUps, SignUpUploadSummary summary, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var courses = await db.Courses.Where(c => c.PartnerId == partnerId && c.Status != CourseStatus.Withdrawn)
            .Select(c => new { c.ExternalId, c.Id })
            .ToDictionaryAsync(c => c.ExternalId, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var municipalities = await db.Municipalities.Select(m => new { m.NameKey, m.Id }).ToDictionaryAsync(m => m.NameKey, m => m.Id, cancellationToken);
        var checkedRecords = new List<CheckedRecord>(signUps.Count);
        foreach (var record in signUps)
        {
            if (Problem(record, courses, municipalities, out var courseId, out var resident) is { } reason)
            {
                summary.Rejected.Add(new RejectedRecord { ExternalId = record.ExternalId, Reason = reason });
                continue;
            }

            checkedRecords.Add(new CheckedRecord(record, courseId, resident!));
        }

        return checkedRecords;
    }

    /// <summary>
    /// Applies one batch inside its transaction. Courses, seats, earlier sign-ups and known people are read
    /// here, once per batch and not once per record, so they include what residents and earlier batches wrote.
    /// </summary>
    private async Task ApplyAsync(DigibankDbContext db, CheckedRecord[] batch, SignUpUploadSummary summary, CancellationToken cancellationToken)
    {
        var courseIds = batch.Select(c => c.CourseId).Distinct().ToList();
        await db.LockAsync<Course>(courseIds, cancellationToken);
        var courses = await db.Courses.Where(c => courseIds.Contains(c.Id) && c.Status != CourseStatus.Withdrawn).ToDictionaryAsync(c => c.Id, cancellationToken);
        var book = new SignUpBook(db, now);
        var seats = await book.SeatCountsAsync(courseIds, cancellationToken);
        var existing = await ExistingSignUpsAsync(db, batch.Select(c => c.Record.ExternalId), cancellationToken);
        var byEmail = await KnownParticipantsAsync(db, batch.Select(c => c.Resident.Email), email: true, cancellationToken);
        var byPhone = await KnownParticipantsAsync(db, batch.Select(c => c.Resident.Phone), email: false, cancellationToken);
        foreach (var (record, courseId, resident) in batch)
        {
            if (!courses.TryGetValue(courseId, out var course))
            {
                // Withdrawn by an offer upload after the records were checked.
                summary.Rejected.Add(new RejectedRecord { ExternalId = record.ExternalId, Reason = $"There is no course '{record.CourseExternalId}' of this partner." });
                continue;
            }

            if (existing.TryGetValue((course.Id, record.ExternalId), out var known))
            {
                if (record.Cancelled && SignUpBook.IsActive(known))
                {
                    known.Course = course;
                    // The waiting list is moved up by queries; sign-ups added earlier in this batch must be in the database for them.
                    await db.SaveChangesAsync(cancellationToken);
                    await book.CancelAsync(known, cancellationToken);
                    // A cancellation moves the waiting list in the database; the course's counts are read again.
                    seats[course.Id] = (await book.SeatCountsAsync([course.Id], cancellationToken))[course.Id];
                    summary.Updated++;
                }
                else
                {
                    summary.Unchanged++;
                }

                continue;
            }

            if (record.Cancelled)
            {
                summary.Unchanged++;
                continue;
            }

            var participant = resident.Store(db, course.RegionId, Known(course.RegionId, resident, byEmail, byPhone), now, staff: null);
            if (resident.Email is { } newEmail)
            {
                byEmail.TryAdd(KnownKey(course.RegionId, newEmail), participant);
            }
            else if (resident.Phone is { } newPhone)
            {
                byPhone.TryAdd(KnownKey(course.RegionId, newPhone), participant);
            }

            var signUp = new SignUp
            {
                Course = course,
                CourseId = course.Id,
                RegionId = course.RegionId,
                Participant = participant,
                ExternalId = record.ExternalId,
                Channel = SignUpChannel.Partner,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.SignUps.Add(signUp);
            existing[(course.Id, record.ExternalId)] = signUp;
            seats[course.Id] = SignUpBook.Place(course, signUp, seats[course.Id]);

            summary.Created++;
        }
    }

    private async Task<Dictionary<(int CourseId, string ExternalId), SignUp>> ExistingSignUpsAsync(DigibankDbContext db, IEnumerable<string> externalIds, CancellationToken cancellationToken)
    {
        var found = await externalIds.ReadInChunksAsync(
            chunk => db.SignUps.Where(s => s.Course!.PartnerId == partnerId && s.ExternalId != null && chunk.Contains(s.ExternalId)), cancellationToken);
        var existing = new Dictionary<(int, string), SignUp>();
        foreach (var signUp in found)
        {
            existing[(signUp.CourseId, signUp.ExternalId!)] = signUp;
        }

        return existing;
    }

    /// <summary>The people known by these contacts, keyed by region and contact: each region keeps its own people.</summary>
    private static async Task<Dictionary<string, Participant>> KnownParticipantsAsync(DigibankDbContext db, IEnumerable<string?> keys, bool email, CancellationToken cancellationToken)
    {
        var found = await keys.OfType<string>().ReadInChunksAsync(
            chunk => email
                ? db.Participants.Where(p => p.ErasedAt == null && p.Email != null && chunk.Contains(p.Email)).OrderBy(p => p.Id)
                : db.Participants.Where(p => p.ErasedAt == null && p.Phone != null && chunk.Contains(p.Phone)).OrderBy(p => p.Id),
            cancellationToken);
        var known = new Dictionary<string, Participant>(StringComparer.Ordinal);
        foreach (var participant in found)
        {
            known.TryAdd(KnownKey(participant.RegionId, email ? participant.Email! : participant.Phone!), participant);
        }

        return known;
    }

    // The same rule as ResidentDetails.FindKnownAsync: by e-mail address when one is given, else by phone number.
    private static Participant? Known(int regionId, ResidentDetails resident, Dictionary<string, Participant> byEmail, Dictionary<string, Participant> byPhone) =>
        resident.Email is { } email ? byEmail.GetValueOrDefault(KnownKey(regionId, email))
        : resident.Phone is { } phone ? byPhone.GetValueOrDefault(KnownKey(regionId, phone))
        : null;

    private static string KnownKey(int regionId, string contact) => string.Create(CultureInfo.InvariantCulture, $"{regionId}:{contact}");

    private sealed record CheckedRecord(PartnerSignUp Record, int CourseId, ResidentDetails Resident);

    private static string? Problem(
        PartnerSignUp record,
        Dictionary<string, int> courses,
        Dictionary<string, int> municipalities,
        out int courseId,
        out ResidentDetails? resident)
    {
        resident = null;
        if (string.IsNullOrWhiteSpace(record.ExternalId) || record.ExternalId.Length > 100)
        {
            courseId = 0;
            return "external_id is required and at most 100 characters.";
        }

        if (!courses.TryGetValue(record.CourseExternalId, out courseId))
        {
            return $"There is no course '{record.CourseExternalId}' of this partner.";
        }

        var rules = new InputRules();
        var firstName = rules.PersonName("firstName", record.FirstName);
        var email = rules.Email("email", record.Email);
        var phone = rules.Phone("phone", record.Phone);
        if (rules.Errors.FirstOrDefault() is { } invalid)
        {
            return invalid.Message;
        }

        if (!municipalities.TryGetValue(TextKey.Fold(record.Municipality), out var municipalityId))
        {
            return $"'{record.Municipality}' is not a town of the region.";
        }

        if (!Enum.TryParse<TargetGroup>(record.TargetGroup.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var targetGroup)
            || !Enum.IsDefined(targetGroup))
        {
            targetGroup = TargetGroup.Everyone;
        }

        resident = new ResidentDetails(firstName, email, phone, municipalityId, targetGroup);
        return null;
    }
}
