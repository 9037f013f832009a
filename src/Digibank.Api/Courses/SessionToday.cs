namespace Digibank.Api.Courses;

/// <summary>A course session of the day at a help point, as the counter shows it: when, where, and who holds a seat.</summary>
public sealed record SessionToday(int SessionId, int CourseId, string Title, DateTime StartsAt, DateTime EndsAt, string? Room, bool Cancelled, IReadOnlyList<SeatHolder> Participants);

/// <summary>Someone with a seat on the course: their sign-up, first name (null once erased) and whether they came.</summary>
public sealed record SeatHolder(int SignUpId, string? FirstName, SignUpStatus Status)
{
    public bool Attended => Status == SignUpStatus.Attended;
}

/// <summary>Whether the person of a sign-up came, as staff ticked it at the counter.</summary>
public sealed record AttendanceMark(int SignUpId, bool Attended);
