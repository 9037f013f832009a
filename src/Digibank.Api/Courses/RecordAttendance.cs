using Digibank.Api.Staff;

namespace Digibank.Api.Courses;

public sealed record RecordAttendance(int SignUpId, bool Attended, StaffUser Staff);
