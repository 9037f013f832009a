using Digibank.Api.Staff;

namespace Digibank.Api.HelpPoints;

/// <summary>Close a help point from <see cref="StartsAt"/> until just before <see cref="EndsAt"/>, for the reason residents will read.</summary>
public sealed record AddClosure(int HelpPointId, DateTime StartsAt, DateTime EndsAt, string? Reason, StaffUser Staff);
