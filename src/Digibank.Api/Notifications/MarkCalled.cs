using Digibank.Api.Staff;

namespace Digibank.Api.Notifications;

/// <summary>A staff member called the person of a call task.</summary>
public sealed record MarkCalled(int CallTaskId, bool Reached, StaffUser Staff);
