namespace Digibank.Api.HelpPoints;

/// <summary>
/// Fields another feature adds to a help point (such as the devices lent there), so that help points need not
/// know that feature. Register an implementation as a singleton.
/// </summary>
public interface IHelpPointFields
{
    void AddTo(HelpPointType helpPoint);
}
