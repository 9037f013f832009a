using Digibank.Api.Staff;

namespace Digibank.Api.HelpRequests;

/// <summary>Plan the slot of a home visit, in UTC; <see cref="HelpDesk.CheckSlot"/> says which slots are possible at all.</summary>
public sealed record ScheduleHomeVisit(int HelpRequestId, DateTime StartsAt, DateTime EndsAt, StaffUser Staff);
