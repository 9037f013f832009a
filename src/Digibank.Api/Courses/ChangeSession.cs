using Digibank.Api.Staff;

namespace Digibank.Api.Courses;

/// <summary>Move one session of a course, or cancel it, as staff of the course's help point.</summary>
public sealed record ChangeSession(int SessionId, DateTime? StartsAt, DateTime? EndsAt, bool Cancelled, StaffUser Staff);
