using Digibank.Api.Staff;

namespace Digibank.Api.Balie.Shared;

public static class DeskRoles
{
    /// <summary>Who works at the counter of a help point: staff and coordinators. Digibuddies see their own help requests only.</summary>
    public const string StaffAndCoordinators = nameof(StaffRole.Staff) + "," + nameof(StaffRole.Coordinator);
}
