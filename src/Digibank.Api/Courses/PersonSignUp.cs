namespace Digibank.Api.Courses;

/// <summary>A person's sign-up as their page shows it: the course, and a seat or a place on its waiting list.</summary>
public sealed record PersonSignUp(
    int Id, int CourseId, string Title, DateTime? StartsAt, int? HelpPointId, SignUpStatus Status, int? WaitlistPosition, DateTime CreatedAt)
{
    /// <summary>Holds a seat or a waiting-list place, and so can be cancelled (as <see cref="SignUpBook.IsActive"/>).</summary>
    public bool IsActive => Status is SignUpStatus.Confirmed or SignUpStatus.Waitlisted;
}
