namespace Digibank.Api.Staff;

/// <summary>
/// The region each place belongs to, for the checks on a staff token: a help point or a town of another region is
/// never the token holder's to act for. Places change seldom, so the answers come from memory.
/// </summary>
public interface IPlaceRegions
{
    /// <summary>The region of the help point, or null for a help point that does not exist.</summary>
    int? OfHelpPoint(int helpPointId);

    /// <summary>The region of the town, or null for a town that does not exist.</summary>
    int? OfMunicipality(int municipalityId);

    /// <summary>Forgets what it knows, after places were added or moved to another region.</summary>
    void Forget();
}
