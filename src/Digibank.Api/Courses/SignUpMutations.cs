using System.Security.Cryptography;
using System.Text;
using Digibank.Api.Data;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

public static class SignUpMutations
{
    public static void AddSignUpMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<SignUpForCourseInput, SignUpForCoursePayload>("signUpForCourse", SignUpForCourseAsync,
            "Signs a resident up for a course: a seat when one is free, otherwise a place on the waiting list. " +
            "Anonymous callers give one contact channel; staff may sign someone up without one (assisted sign-up).",
            payload: "The sign-up, confirmed or on the waiting list.",
            typeof(CourseNotOpenError), typeof(SignUpDeadlinePassedError), typeof(AlreadySignedUpError), typeof(CourseFullError), typeof(ConsentRequiredError));
        mutation.Mutation<CancelSignUpInput, CancelSignUpPayload>("cancelSignUp", CancelSignUpAsync,
            "Cancels a sign-up, by the resident with the token they received or by staff. A freed seat goes to the first on the waiting list.",
            payload: "The cancelled sign-up, and who moved up from the waiting list.",
            typeof(InvalidCancellationTokenError), typeof(SignUpNotActiveError));
        mutation.StaffMutation<RecordAttendanceInput, SignUp>("recordAttendance", RecordAttendanceAsync,
            "Staff record whether a confirmed participant came.", payload: "The sign-up with its attendance.", typeof(SignUpNotActiveError));
    }

    private static async Task<Result<SignUpForCoursePayload>> SignUpForCourseAsync(MutationCall<SignUpForCourseInput> call)
    {
        var staff = call.Staff;
        var (input, now, cancellationToken) = call;
        var courseId = call.Rules.Id(nameof(input.CourseId), CourseType.TypeName, input.CourseId);
        var resident = ResidentDetails.Check(call.Rules, staff, input, "for this course", "the course can reach you");

        var db = await call.BeginAsync();
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Id == courseId && c.Status != CourseStatus.Withdrawn, cancellationToken);
        if (course is null)
        {
            return new NotFoundError("There is no such course.");
        }

        if (!await db.Municipalities.AnyAsync(m => m.Id == resident.MunicipalityId, cancellationToken))
        {
            return new NotFoundError("There is no such town in the region.");
        }

        if (course.Status is not (CourseStatus.Scheduled or CourseStatus.Full) || course.StartsAt <= now)
        {
            return new CourseNotOpenError($"'{course.Title}' no longer takes sign-ups.");
        }

        if (course.SignUpDeadline is { } deadline && deadline <= now)
        {
            return new SignUpDeadlinePassedError($"Sign-ups for '{course.Title}' closed on {Region.ToLocal(deadline):d MMMM yyyy HH:mm}.", deadline);
        }

        if (staff is not null && !staff.CanServeResidentsAt(course.HelpPointId))
        {
            return new NotAllowedError("You can sign residents up only for courses at the help points you work at.");
        }

        var known = await resident.FindKnownAsync(db, cancellationToken);
        // Only staff learn that a person is signed up already. An anonymous caller gets the answer anyone
        // would get, so a sign-up form cannot be used to find out whether an address is known.
        if (staff is not null && known is not null
            && await db.SignUps.FirstOrDefaultAsync(s => s.CourseId == course.Id && s.ParticipantId == known.Id
                && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted), cancellationToken) is { } existing)
        {
            return new AlreadySignedUpError("This person is already signed up for this course.", existing.Status);
        }

        var seats = await SeatCountsAsync(db, course.Id, cancellationToken);
        var hasSeat = seats.Taken < course.Capacity;
        if (!hasSeat && !input.JoinWaitingList)
        {
            return new CourseFullError($"'{course.Title}' is full.", seats.Waiting);
        }

        var participant = resident.Store(db, known, now, staff);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var signUp = db.SignUps.Add(new SignUp
        {
            Course = course,
            Participant = participant,
            Status = hasSeat ? SignUpStatus.Confirmed : SignUpStatus.Waitlisted,
            WaitlistPosition = hasSeat ? null : seats.Waiting + 1,
            Channel = staff is null ? SignUpChannel.Web : SignUpChannel.Counter,
            CancellationTokenHash = Hash(token),
            CreatedAt = now,
            UpdatedAt = now,
        }).Entity;
        UpdateFullStatus(course, seats.Taken + (hasSeat ? 1 : 0));
        return new SignUpForCoursePayload(signUp, token);
    }

    private static async Task<Result<CancelSignUpPayload>> CancelSignUpAsync(MutationCall<CancelSignUpInput> call)
    {
        var staff = call.Staff;
        var (input, now, cancellationToken) = call;
        var signUpId = call.Rules.Id(nameof(input.SignUpId), SignUpType.TypeName, input.SignUpId);
        call.Rules.Require(staff is not null || !string.IsNullOrWhiteSpace(input.CancellationToken), nameof(input.CancellationToken),
            "Give the cancellation token you received when you signed up.");
        var db = await call.BeginAsync();
        var signUp = await db.SignUps.Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == signUpId, cancellationToken);
        if (signUp is null)
        {
            return new NotFoundError("There is no such sign-up.");
        }

        var byToken = input.CancellationToken is { Length: > 0 } token && signUp.CancellationTokenHash == Hash(token);
        if (!byToken)
        {
            if (staff is null)
            {
                return new InvalidCancellationTokenError("This cancellation token does not belong to this sign-up.");
            }

            if (!staff.CanActFor(signUp.Course!.HelpPointId))
            {
                return new NotAllowedError("This course is not at a help point you work at.");
            }
        }

        if (signUp.Status is not (SignUpStatus.Confirmed or SignUpStatus.Waitlisted))
        {
            return new SignUpNotActiveError("This sign-up is no longer active.", signUp.Status);
        }

        var promoted = await CancelAsync(db, signUp, now, cancellationToken);
        return new CancelSignUpPayload(signUp, promoted);
    }

    private static async Task<Result<SignUp>> RecordAttendanceAsync(MutationCall<RecordAttendanceInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var signUpId = call.Rules.Id(nameof(input.SignUpId), SignUpType.TypeName, input.SignUpId);
        var db = await call.BeginAsync();
        var signUp = await db.SignUps.Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == signUpId, cancellationToken);
        if (signUp is null)
        {
            return new NotFoundError("There is no such sign-up.");
        }

        if (!staff.CanActFor(signUp.Course!.HelpPointId))
        {
            return new NotAllowedError("This course is not at a help point you work at.");
        }

        if (!SignUp.SeatTakingStatuses.Contains(signUp.Status))
        {
            return new SignUpNotActiveError("Only confirmed participants can attend.", signUp.Status);
        }

        signUp.Status = input.Attended ? SignUpStatus.Attended : SignUpStatus.NoShow;
        signUp.UpdatedAt = now;
        return signUp;
    }

    /// <summary>
    /// Cancels a sign-up inside the caller's transaction. A freed seat goes to the first on the waiting
    /// list, and everyone behind a vacated waiting-list place moves up one. Returns the promoted sign-up.
    /// </summary>
    public static async Task<SignUp?> CancelAsync(DigibankDbContext db, SignUp signUp, DateTime now, CancellationToken cancellationToken)
    {
        var course = signUp.Course ?? await db.Courses.SingleAsync(c => c.Id == signUp.CourseId, cancellationToken);
        var heldSeat = signUp.Status == SignUpStatus.Confirmed;
        var vacatedPosition = signUp.WaitlistPosition;
        signUp.Status = SignUpStatus.Cancelled;
        signUp.WaitlistPosition = null;
        signUp.UpdatedAt = now;

        SignUp? promoted = null;
        if (heldSeat)
        {
            promoted = await db.SignUps
                .Where(s => s.CourseId == course.Id && s.Status == SignUpStatus.Waitlisted)
                .OrderBy(s => s.WaitlistPosition).ThenBy(s => s.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (promoted is not null)
            {
                vacatedPosition = promoted.WaitlistPosition;
                promoted.Status = SignUpStatus.Confirmed;
                promoted.WaitlistPosition = null;
                promoted.UpdatedAt = now;
            }
        }

        if (vacatedPosition is { } position)
        {
            var behind = await db.SignUps
                .Where(s => s.CourseId == course.Id && s.Status == SignUpStatus.Waitlisted && s.WaitlistPosition > position)
                .ToListAsync(cancellationToken);
            foreach (var waiting in behind)
            {
                waiting.WaitlistPosition--;
                waiting.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        UpdateFullStatus(course, (await SeatCountsAsync(db, course.Id, cancellationToken)).Taken);
        return promoted;
    }

    private static async Task<SeatCounts> SeatCountsAsync(DigibankDbContext db, int courseId, CancellationToken cancellationToken)
    {
        var statuses = await db.SignUps.Where(s => s.CourseId == courseId).Select(s => s.Status).ToListAsync(cancellationToken);
        return new SeatCounts(statuses.Count(SignUp.SeatTakingStatuses.Contains), statuses.Count(status => status == SignUpStatus.Waitlisted));
    }

    private static void UpdateFullStatus(Course course, int seatsTaken)
    {
        if (course.Status is CourseStatus.Scheduled or CourseStatus.Full)
        {
            course.Status = seatsTaken >= course.Capacity ? CourseStatus.Full : CourseStatus.Scheduled;
        }
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
