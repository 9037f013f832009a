using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

/// <summary>
/// The rules of sign-ups, whoever asks (GraphQL, a partner's upload, an erasure): a seat while one is free,
/// otherwise the end of the waiting list; a freed seat goes to the first on the waiting list. Works inside the
/// caller's transaction on the caller's context; the caller saves and commits, and the events follow the save.
/// </summary>
public sealed class SignUpBook(DigibankDbContext db, DateTime now, SelfServiceLinks? links = null)
{
    public async Task<Result<SignedUp>> SignUpAsync(SignUpForCourse command, CancellationToken cancellationToken)
    {
        var (courseId, resident, joinWaitingList, staff) = command;
        await db.LockAsync<Course>(courseId, cancellationToken);
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
            return new SignUpDeadlinePassedError($"Sign-ups for '{course.Title}' closed on {RegionTime.ToLocal(deadline):d MMMM yyyy HH:mm}.", deadline);
        }

        if (staff is not null && !staff.CanActFor(course.HelpPointId, course.RegionId))
        {
            return new NotAllowedError("You can sign residents up only for courses at the help points you work at.");
        }

        db.EnterRegion(course.RegionId);
        var known = await resident.FindKnownAsync(db, course.RegionId, cancellationToken);
        if (resident.NotFound(known) is { } gone)
        {
            return gone;
        }

        // Only staff learn that a person is signed up already. An anonymous caller gets the answer anyone
        // would get, so a sign-up form cannot be used to find out whether an address is known.
        if (staff is not null && known is not null
            && await db.SignUps.FirstOrDefaultAsync(s => s.CourseId == course.Id && s.ParticipantId == known.Id
                && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted), cancellationToken) is { } existing)
        {
            return new AlreadySignedUpError("This person is already signed up for this course.", existing.Status);
        }

        var seats = (await SeatCountsAsync([course.Id], cancellationToken))[course.Id];
        if (seats.Taken >= course.Capacity && !joinWaitingList)
        {
            return new CourseFullError($"'{course.Title}' is full.", seats.Waiting);
        }

        var token = ResidentTokens.New();
        var signUp = db.SignUps.Add(new SignUp
        {
            Course = course,
            RegionId = course.RegionId,
            Participant = resident.Store(db, course.RegionId, known, now, staff),
            Channel = staff is null ? SignUpChannel.Web : SignUpChannel.Counter,
            CancellationTokenHash = ResidentTokens.Hash(token),
            CreatedAt = now,
            UpdatedAt = now,
        }).Entity;
        UpdateFullStatus(course, Place(course, signUp, seats).Taken);
        return new SignedUp(signUp, token);
    }

    /// <summary>
    /// Gives a new sign-up its place: a seat while the course has one free, otherwise the end of the waiting
    /// list; the course is full once its last seat is taken. Returns the course's counts with the new sign-up.
    /// Callers that add many sign-ups at once keep the counts themselves instead of reading them each time.
    /// </summary>
    public static SeatCounts Place(Course course, SignUp signUp, SeatCounts seats)
    {
        var hasSeat = seats.Taken < course.Capacity;
        signUp.Status = hasSeat ? SignUpStatus.Confirmed : SignUpStatus.Waitlisted;
        signUp.WaitlistPosition = hasSeat ? null : seats.Waiting + 1;
        var after = hasSeat ? seats with { Taken = seats.Taken + 1 } : seats with { Waiting = seats.Waiting + 1 };
        if (course.Status == CourseStatus.Scheduled && after.Taken >= course.Capacity)
        {
            course.Status = CourseStatus.Full;
        }

        return after;
    }

    public async Task<Result<CancelledSignUp>> CancelAsync(CancelSignUp command, CancellationToken cancellationToken)
    {
        var staff = command.Staff;
        // The course is locked before the sign-up is read: two cancellations of one seat must not both free it.
        if (await db.SignUps.Where(s => s.Id == command.SignUpId).Select(s => (int?)s.CourseId).SingleOrDefaultAsync(cancellationToken) is { } courseId)
        {
            await db.LockAsync<Course>(courseId, cancellationToken);
        }

        var signUp = await db.SignUps.Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == command.SignUpId, cancellationToken);
        if (signUp is null)
        {
            return new NotFoundError("There is no such sign-up.");
        }

        var byToken = command.CancellationToken is { Length: > 0 } token
            && (signUp.CancellationTokenHash == ResidentTokens.Hash(token) || links?.Allows(token, SelfServiceAction.CancelSignUp, signUp.Id) == true);
        if (!byToken)
        {
            if (staff is null)
            {
                return new InvalidCancellationTokenError("This cancellation token does not belong to this sign-up.");
            }

            if (!staff.CanActFor(signUp.Course!.HelpPointId, signUp.RegionId))
            {
                return new NotAllowedError("This course is not at a help point you work at.");
            }
        }

        if (!IsActive(signUp))
        {
            return new SignUpNotActiveError("This sign-up is no longer active.", signUp.Status);
        }

        return new CancelledSignUp(signUp, await CancelAsync(signUp, cancellationToken));
    }

    /// <summary>Cancels every active sign-up of a person (an erasure), each freed seat going to the waiting list.</summary>
    public async Task<int> CancelEverySignUpOfAsync(int participantId, CancellationToken cancellationToken)
    {
        var active = await db.SignUps.Include(s => s.Course)
            .Where(s => s.ParticipantId == participantId && (s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Waitlisted))
            .ToListAsync(cancellationToken);
        // All the courses first, in order: locking one per cancellation, after the first save took the outbox's
        // turn, could wait in a circle with a resident's sign-up that holds a course and waits for that turn.
        await db.LockAsync<Course>([.. active.Select(s => s.CourseId).Distinct()], cancellationToken);
        foreach (var signUp in active)
        {
            await CancelAsync(signUp, cancellationToken);
        }

        return active.Count;
    }

    /// <summary>A sign-up that holds a seat or a waiting-list place, and so can be cancelled.</summary>
    public static bool IsActive(SignUp signUp) => signUp.Status is SignUpStatus.Confirmed or SignUpStatus.Waitlisted;

    /// <summary>
    /// Cancels an active sign-up. A freed seat goes to the first on the waiting list, and everyone behind a
    /// vacated waiting-list place moves up one. Saves, because the waiting list is read from the database:
    /// sign-ups the caller added must be saved before. Returns the promoted sign-up.
    /// </summary>
    public async Task<SignUp?> CancelAsync(SignUp signUp, CancellationToken cancellationToken)
    {
        await db.LockAsync<Course>(signUp.CourseId, cancellationToken);
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
        UpdateFullStatus(course, (await SeatCountsAsync([course.Id], cancellationToken))[course.Id].Taken);
        return promoted;
    }

    public async Task<Result<SignUp>> RecordAttendanceAsync(RecordAttendance command, CancellationToken cancellationToken)
    {
        var signUp = await db.SignUps.Include(s => s.Course).SingleOrDefaultAsync(s => s.Id == command.SignUpId, cancellationToken);
        if (signUp is null)
        {
            return new NotFoundError("There is no such sign-up.");
        }

        if (!command.Staff.CanActFor(signUp.Course!.HelpPointId, signUp.RegionId))
        {
            return new NotAllowedError("This course is not at a help point you work at.");
        }

        if (!SignUp.SeatTakingStatuses.Contains(signUp.Status))
        {
            return new SignUpNotActiveError("Only confirmed participants can attend.", signUp.Status);
        }

        signUp.Status = command.Attended ? SignUpStatus.Attended : SignUpStatus.NoShow;
        signUp.UpdatedAt = now;
        return signUp;
    }

    /// <summary>Seats taken and places on the waiting list of the given courses, counted in one statement.</summary>
    public async Task<Dictionary<int, SeatCounts>> SeatCountsAsync(IReadOnlyCollection<int> courseIds, CancellationToken cancellationToken)
    {
        var counts = (await courseIds.ReadInChunksAsync(
                chunk => db.SignUps.Where(s => chunk.Contains(s.CourseId)).GroupBy(s => new { s.CourseId, s.Status }).Select(g => new { g.Key.CourseId, g.Key.Status, Count = g.Count() }),
                cancellationToken))
            .ToLookup(c => c.CourseId);
        return courseIds.Distinct().ToDictionary(id => id, id => new SeatCounts(
            counts[id].Where(c => SignUp.SeatTakingStatuses.Contains(c.Status)).Sum(c => c.Count),
            counts[id].Where(c => c.Status == SignUpStatus.Waitlisted).Sum(c => c.Count)));
    }

    // Keeps a bookable course's status in step with its seats: full when none is left, open again when one is.
    private static void UpdateFullStatus(Course course, int seatsTaken)
    {
        if (course.Status is CourseStatus.Scheduled or CourseStatus.Full)
        {
            course.Status = seatsTaken >= course.Capacity ? CourseStatus.Full : CourseStatus.Scheduled;
        }
    }
}
