using Digibank.Api.Staff;

namespace Digibank.Api.Balie.Shared;

public static class RoleNames
{
    public static string Of(StaffRole role) => role switch
    {
        StaffRole.Staff => "medewerker",
        StaffRole.Digibuddy => "digibuddy",
        StaffRole.Coordinator => "coördinator",
        _ => "beheerder",
    };
}
