using Digibank.Api.Municipalities;
using Digibank.Api.Participants;

namespace Digibank.Api.HelpRequests;

/// <summary>A resident's question (hulpvraag), e.g. about itsme, answered at a point, by phone or at home.</summary>
public sealed class HelpRequest : IEntity
{
    public int Id { get; set; }

    /// <summary>The region (one Digibank) this belongs to: the region of the place where it happens.</summary>
    public int RegionId { get; set; }

    public int TopicId { get; set; }

    public Topic? Topic { get; set; }

    public HelpRequestUrgency Urgency { get; set; }

    public HelpRequestChannel Channel { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public int? HelpPointId { get; set; }

    public int? ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public int? AssignedDigibuddyId { get; set; }

    public Digibuddy? AssignedDigibuddy { get; set; }

    /// <summary>The staff member handling the request when no digibuddy is assigned (their token's name).</summary>
    public string? AssignedStaffName { get; set; }

    public DateTime? AssignedAt { get; set; }

    public HelpRequestStatus Status { get; set; }

    public DateTime? VisitStartsAt { get; set; }

    public DateTime? VisitEndsAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ResolvedAt { get; set; }
}
