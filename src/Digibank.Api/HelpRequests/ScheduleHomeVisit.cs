using Digibank.Api.Staff;

namespace Digibank.Api.HelpRequests;

/// <summary>Plan the slot of a home visit, in UTC; the slot's own shape (future, length) is checked by the caller's input rules.</summary>
public sealed record ScheduleHomeVisit(int HelpRequestId, DateTime StartsAt, DateTime EndsAt, StaffUser Staff);
