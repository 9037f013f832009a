namespace Digibank.Api.Courses;

/// <summary>
/// One change to a sign-up on a partner's course, in the order it was committed. Its id is the cursor
/// partners resume the change feed from, so nothing is lost across restarts.
/// </summary>
public sealed class SignUpChange : IEntity
{
    public int Id { get; set; }

    public int SignUpId { get; set; }

    public SignUp? SignUp { get; set; }

    public int CourseId { get; set; }

    public int PartnerId { get; set; }

    public SignUpStatus Status { get; set; }

    public int? WaitlistPosition { get; set; }

    public DateTime ChangedAt { get; set; }
}
