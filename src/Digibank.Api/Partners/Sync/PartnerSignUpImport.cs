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
    public async Task<SignUpUploadSummary> ImportAsync(IReadOnlyList<PartnerSignUp> signUps, CancellationToken cancellationToken)
    {
        var summary = new SignUpUploadSummary();
        var courses = await db.Courses.Where(c => c.PartnerId == partnerId && c.Status != CourseStatus.Withdrawn)
            .ToDictionaryAsync(c => c.ExternalId, StringComparer.Ordinal, cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.NameKey, m => m.Id, cancellationToken);
        foreach (var record in signUps)
        {
            if (Problem(record, courses, municipalities, out var course, out var resident) is { } reason)
            {
                summary.Rejected.Add(new RejectedRecord { ExternalId = record.ExternalId, Reason = reason });
                continue;
            }

            var existing = await db.SignUps.SingleOrDefaultAsync(s => s.CourseId == course!.Id && s.ExternalId == record.ExternalId, cancellationToken);
            if (existing is not null)
            {
                if (record.Cancelled && existing.Status is SignUpStatus.Confirmed or SignUpStatus.Waitlisted)
                {
                    existing.Course = course;
                    await SignUpMutations.CancelAsync(db, existing, now, cancellationToken);
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

            var participant = resident!.Store(db, await resident.FindKnownAsync(db, cancellationToken), now, staff: null);
            var statuses = await db.SignUps.Where(s => s.CourseId == course!.Id).Select(s => s.Status).ToListAsync(cancellationToken);
            var hasSeat = statuses.Count(SignUp.SeatTakingStatuses.Contains) < course!.Capacity;
            db.SignUps.Add(new SignUp
            {
                Course = course,
                Participant = participant,
                ExternalId = record.ExternalId,
                Channel = SignUpChannel.Partner,
                Status = hasSeat ? SignUpStatus.Confirmed : SignUpStatus.Waitlisted,
                WaitlistPosition = hasSeat ? null : statuses.Count(status => status == SignUpStatus.Waitlisted) + 1,
                CreatedAt = now,
                UpdatedAt = now,
            });
            if (course.Status == CourseStatus.Scheduled && statuses.Count(SignUp.SeatTakingStatuses.Contains) + (hasSeat ? 1 : 0) >= course.Capacity)
            {
                course.Status = CourseStatus.Full;
            }

            await db.SaveChangesAsync(cancellationToken);
            summary.Created++;
        }

        return summary;
    }

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
