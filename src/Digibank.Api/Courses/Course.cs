using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Partners;

namespace Digibank.Api.Courses;

/// <summary>A course (opleiding): from a general smartphone course to one urgent question.</summary>
public sealed class Course : IEntity
{
    public int Id { get; set; }

    /// <summary>The region (one Digibank) this belongs to: the region of the place where it happens.</summary>
    public int RegionId { get; set; }

    public required string Title
    {
        get;
        set
        {
            field = value;
            TitleKey = TextKey.Fold(value);
        }
    }

    public string TitleKey { get; private set; } = string.Empty;

    public required string Summary
    {
        get;
        set
        {
            field = value;
            SummaryKey = TextKey.Fold(value);
        }
    }

    public string SummaryKey { get; private set; } = string.Empty;

    public CourseLevel Level { get; set; }

    public CourseLanguage Language { get; set; }

    public List<Topic> Topics { get; set; } = [];

    public List<TargetGroup> TargetGroups { get; set; } = [];

    public int PartnerId { get; set; }

    public Partner? Partner { get; set; }

    /// <summary>The partner's own id for this offer; (partner, external id) is unique.</summary>
    public required string ExternalId { get; set; }

    /// <summary>Where the course takes place when it is at a help point.</summary>
    public int? HelpPointId { get; set; }

    public HelpPoint? HelpPoint { get; set; }

    /// <summary>Venue name and street when the course is not at a help point.</summary>
    public string? VenueName { get; set; }

    public string? VenueStreet { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public int Capacity { get; set; }

    /// <summary>Price in euro cents; 0 is free.</summary>
    public int PriceCents { get; set; }

    /// <summary>Reduced tariff (verminderd tarief) in euro cents, when the partner offers one.</summary>
    public int? ReducedPriceCents { get; set; }

    public DateTime? SignUpDeadline { get; set; }

    public CourseStatus Status { get; set; }

    public bool WheelchairAccessible { get; set; }

    public string? AccessibilityNotes { get; set; }

    /// <summary>Start of the first session, kept on the course so the catalogue can sort and filter by it in SQL.</summary>
    public DateTime? StartsAt { get; set; }

    public List<CourseSession> Sessions { get; set; } = [];

    public List<SignUp> SignUps { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    /// <summary>Fingerprint of the partner's offer as last synced, so an unchanged offer is recognised without comparing field by field.</summary>
    public string? SourceHash { get; set; }

    public bool IsSignUpOpenAt(DateTime utcNow) =>
        Status is CourseStatus.Scheduled or CourseStatus.Full
        && (SignUpDeadline is null || utcNow < SignUpDeadline)
        && (StartsAt is null || utcNow < StartsAt);
}
