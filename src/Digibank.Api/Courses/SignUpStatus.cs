namespace Digibank.Api.Courses;

public enum SignUpStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
    Attended,
    NoShow,
}
