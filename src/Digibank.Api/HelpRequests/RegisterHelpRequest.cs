using Digibank.Api.Participants;
using Digibank.Api.Staff;

namespace Digibank.Api.HelpRequests;

/// <summary>Register a resident's question; <see cref="Staff"/> is null for a resident asking themselves.</summary>
public sealed record RegisterHelpRequest(
    int TopicId, HelpRequestUrgency Urgency, HelpRequestChannel Channel, int? HelpPointId, ResidentDetails Resident, StaffUser? Staff);
