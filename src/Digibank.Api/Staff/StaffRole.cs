namespace Digibank.Api.Staff;

public enum StaffRole
{
    /// <summary>Works at one or more help points: lends devices, takes sign-ups and help requests there.</summary>
    Staff,

    /// <summary>A volunteer who answers the help requests assigned to them.</summary>
    Digibuddy,

    /// <summary>The regional coordinator: acts for every help point of their region and handles its erasure requests.</summary>
    Coordinator,

    /// <summary>Manages the regions of the deployment and names their coordinators; sees every region's figures, no one's details.</summary>
    Admin,
}
