using Digibank.Api.Staff;

namespace Digibank.Api.Courses;

/// <summary>Cancel a sign-up with the token received at sign-up or the link in a message, or as staff of the course's help point.</summary>
public sealed record CancelSignUp(int SignUpId, string? CancellationToken, StaffUser? Staff);
