namespace Digibank.Api.Courses;

public sealed class CourseSession : IEntity
{
    public int Id { get; set; }

    public int CourseId { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string? Room { get; set; }

    /// <summary>Set when staff cancel this one session; the course itself goes ahead.</summary>
    public DateTime? CancelledAt { get; set; }
}
