using Digibank.Api.Participants;

namespace Digibank.Api.Courses;

/// <summary>A participant's place on a course (inschrijving), confirmed or on the waiting list.</summary>
public sealed class SignUp : IEntity
{
    public int Id { get; set; }

    /// <summary>The region (one Digibank) this belongs to: the region of the place where it happens.</summary>
    public int RegionId { get; set; }

    public int CourseId { get; set; }

    public Course? Course { get; set; }

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public SignUpStatus Status { get; set; }

    public SignUpChannel Channel { get; set; }

    /// <summary>Place on the waiting list, 1 first; null when not waitlisted.</summary>
    public int? WaitlistPosition { get; set; }

    /// <summary>The partner's own id of a sign-up the partner took; null for sign-ups made on the platform.</summary>
    public string? ExternalId { get; set; }

    /// <summary>Hash of the token the resident received to cancel without an account.</summary>
    public string? CancellationTokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Statuses that hold a seat: a no-show still took the place someone else could have had.</summary>
    public static readonly SignUpStatus[] SeatTakingStatuses = [SignUpStatus.Confirmed, SignUpStatus.Attended, SignUpStatus.NoShow];
}
