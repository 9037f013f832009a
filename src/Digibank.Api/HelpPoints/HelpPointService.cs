namespace Digibank.Api.HelpPoints;

public enum HelpPointService
{
    WalkInHelp,
    DeviceLending,
    Courses,
    Digibuddy,
    HomeVisits,
}
