namespace Digibank.Api.HelpPoints;

public enum HelpPointKind
{
    Library,
    NeighbourhoodSalon,
    ServiceCentre,
    CommunityHouse,
    TownHall,
    MobileTeam,
}
