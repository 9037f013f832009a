namespace Digibank.Api.Staff;

public enum StaffRole
{
    /// <summary>Works at one or more help points: lends devices, takes sign-ups and help requests there.</summary>
    Staff,

    /// <summary>A volunteer who answers the help requests assigned to them.</summary>
    Digibuddy,

    /// <summary>The regional coordinator: acts for every help point and handles erasure requests.</summary>
    Coordinator,
}
