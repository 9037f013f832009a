using Digibank.Api.Staff;

namespace Digibank.Api.HelpPoints;

/// <summary>Take a closure away again, e.g. when the summer closure is shortened.</summary>
public sealed record RemoveClosure(int ClosureId, StaffUser Staff);
