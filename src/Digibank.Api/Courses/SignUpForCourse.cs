using Digibank.Api.Participants;
using Digibank.Api.Staff;

namespace Digibank.Api.Courses;

/// <summary>Sign a resident up for a course; <see cref="Staff"/> is null for a resident signing up themselves.</summary>
public sealed record SignUpForCourse(int CourseId, ResidentDetails Resident, bool JoinWaitingList, StaffUser? Staff);
