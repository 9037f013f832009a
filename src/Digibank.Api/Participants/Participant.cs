using Digibank.Api.Municipalities;

namespace Digibank.Api.Participants;

/// <summary>
/// A resident taking part (deelnemer). Only what the work needs is kept: a first name, at most one
/// contact channel, the municipality and a target group. Erasure blanks the personal fields and
/// keeps the anonymous history that reach statistics count.
/// </summary>
public sealed class Participant : IEntity
{
    public int Id { get; set; }

    public string? FirstName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public int MunicipalityId { get; set; }

    /// <summary>The region (one Digibank) this belongs to: the region of the place where it happens.</summary>
    public int RegionId { get; set; }

    public Municipality? Municipality { get; set; }

    public TargetGroup TargetGroup { get; set; }

    public DateTime? ConsentGivenAt { get; set; }

    /// <summary>When the person agreed to get text messages on <see cref="Phone"/>; without it, staff phone them.</summary>
    public DateTime? SmsConsentGivenAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ErasedAt { get; set; }
}
