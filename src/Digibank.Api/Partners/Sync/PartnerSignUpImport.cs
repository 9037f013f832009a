using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Participants;
using Digibank.Partners.V1;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Partners.Sync;

/// <summary>
/// Takes in the sign-ups a partner took in its own system: they hold seats like any other sign-up
/// (a full course puts them on the waiting list), and a cancellation frees the seat for the next in line.
/// </summary>
public sealed class PartnerSignUpImport(DigibankDbContext db, int partnerId, DateTime now)
{
    public const int MaxSignUpsPerUpload = 50_000;

    // SQLite allows 32,766 variables per statement; lookups by a list of keys go in chunks well below that.
    private const int LookupChunkSize = 500;

    private readonly Dictionary<int, SeatCount> _seats = [];

    public async Task<SignUpUploadSummary> ImportAsync(IReadOnlyList<PartnerSignUp> signUps, CancellationToken cancellationToken)
    {
        var summary = new SignUpUploadSummary();
        var courses = await db.Courses.Where(c => c.PartnerId == partnerId && c.Status != CourseStatus.Withdrawn)
            .ToDictionaryAsync(c => c.ExternalId, StringComparer.Ordinal, cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.NameKey, m => m.Id, cancellationToken);
        var checkedRecords = new List<(PartnerSignUp Record, Course Course, ResidentDetails Resident)>(signUps.Count);
        foreach (var record in signUps)
        {
            if (Problem(record, courses, municipalities, out var course, out var resident) is { } reason)
            {
                summary.Rejected.Add(new RejectedRecord { ExternalId = record.ExternalId, Reason = reason });
                continue;
            }

            checkedRecords.Add((record, course!, resident!));
        }

        // Everything the records refer to is read once per upload, not once per record: an upload of n
        // sign-ups then costs O(n) instead of re-reading the course's sign-ups for every record.
        var existing = await ExistingSignUpsAsync(checkedRecords.Select(c => c.Record.ExternalId), cancellationToken);
        var byEmail = await KnownParticipantsAsync(checkedRecords.Select(c => c.Resident.Email), email: true, cancellationToken);
        var byPhone = await KnownParticipantsAsync(checkedRecords.Select(c => c.Resident.Phone), email: false, cancellationToken);
        foreach (var (record, course, resident) in checkedRecords)
        {
            if (existing.TryGetValue((course.Id, record.ExternalId), out var known))
            {
                if (record.Cancelled && known.Status is SignUpStatus.Confirmed or SignUpStatus.Waitlisted)
                {
                    known.Course = course;
                    // The waiting list is moved up by queries; sign-ups added earlier in this upload must be in the database for them.
                    await db.SaveChangesAsync(cancellationToken);
                    await SignUpMutations.CancelAsync(db, known, now, cancellationToken);
                    // A cancellation moves the waiting list in the database; the course's counts are read again when next needed.
                    _seats.Remove(course.Id);
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

            var participant = resident.Store(db, Known(resident, byEmail, byPhone), now, staff: null);
            if (resident.Email is { } newEmail)
            {
                byEmail.TryAdd(newEmail, participant);
            }
            else if (resident.Phone is { } newPhone)
            {
                byPhone.TryAdd(newPhone, participant);
            }

            var seats = await SeatsAsync(course.Id, cancellationToken);
            var hasSeat = seats.Taken < course.Capacity;
            var signUp = new SignUp
            {
                Course = course,
                CourseId = course.Id,
                Participant = participant,
                ExternalId = record.ExternalId,
                Channel = SignUpChannel.Partner,
                Status = hasSeat ? SignUpStatus.Confirmed : SignUpStatus.Waitlisted,
                WaitlistPosition = hasSeat ? null : seats.Waitlisted + 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.SignUps.Add(signUp);
            existing[(course.Id, record.ExternalId)] = signUp;
            seats = hasSeat ? seats with { Taken = seats.Taken + 1 } : seats with { Waitlisted = seats.Waitlisted + 1 };
            _seats[course.Id] = seats;
            if (course.Status == CourseStatus.Scheduled && seats.Taken >= course.Capacity)
            {
                course.Status = CourseStatus.Full;
            }

            summary.Created++;
        }

        return summary;
    }

    private async Task<Dictionary<(int CourseId, string ExternalId), SignUp>> ExistingSignUpsAsync(IEnumerable<string> externalIds, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<(int, string), SignUp>();
        foreach (var chunk in externalIds.Distinct(StringComparer.Ordinal).Chunk(LookupChunkSize))
        {
            var found = await db.SignUps.AsTracking()
                .Where(s => s.Course!.PartnerId == partnerId && s.ExternalId != null && chunk.Contains(s.ExternalId))
                .ToListAsync(cancellationToken);
            foreach (var signUp in found)
            {
                existing[(signUp.CourseId, signUp.ExternalId!)] = signUp;
            }
        }

        return existing;
    }

    private async Task<Dictionary<string, Participant>> KnownParticipantsAsync(IEnumerable<string?> keys, bool email, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, Participant>(StringComparer.Ordinal);
        foreach (var chunk in keys.OfType<string>().Distinct(StringComparer.Ordinal).Chunk(LookupChunkSize))
        {
            var found = email
                ? await db.Participants.AsTracking().Where(p => p.ErasedAt == null && p.Email != null && chunk.Contains(p.Email)).OrderBy(p => p.Id).ToListAsync(cancellationToken)
                : await db.Participants.AsTracking().Where(p => p.ErasedAt == null && p.Phone != null && chunk.Contains(p.Phone)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
            foreach (var participant in found)
            {
                known.TryAdd(email ? participant.Email! : participant.Phone!, participant);
            }
        }

        return known;
    }

    // The same rule as ResidentDetails.FindKnownAsync: by e-mail address when one is given, else by phone number.
    private static Participant? Known(ResidentDetails resident, Dictionary<string, Participant> byEmail, Dictionary<string, Participant> byPhone) =>
        resident.Email is { } email ? byEmail.GetValueOrDefault(email)
        : resident.Phone is { } phone ? byPhone.GetValueOrDefault(phone)
        : null;

    private async Task<SeatCount> SeatsAsync(int courseId, CancellationToken cancellationToken)
    {
        if (!_seats.TryGetValue(courseId, out var seats))
        {
            var statuses = await db.SignUps.Where(s => s.CourseId == courseId).Select(s => s.Status).ToListAsync(cancellationToken);
            seats = new SeatCount(statuses.Count(SignUp.SeatTakingStatuses.Contains), statuses.Count(status => status == SignUpStatus.Waitlisted));
            _seats[courseId] = seats;
        }

        return seats;
    }

    private sealed record SeatCount(int Taken, int Waitlisted);

    private static string? Problem(
        PartnerSignUp record,
        Dictionary<string, Course> courses,
        Dictionary<string, int> municipalities,
        out Course? course,
        out ResidentDetails? resident)
    {
        resident = null;
        if (string.IsNullOrWhiteSpace(record.ExternalId) || record.ExternalId.Length > 100)
        {
            course = null;
            return "external_id is required and at most 100 characters.";
        }

        if (!courses.TryGetValue(record.CourseExternalId, out course))
        {
            return $"There is no course '{record.CourseExternalId}' of this partner.";
        }

        var rules = new InputRules();
        var firstName = rules.Text("firstName", record.FirstName, 50);
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
