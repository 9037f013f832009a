namespace Digibank.Api.Staff;

/// <summary>
/// The regions by their code, for the public API's <c>region</c> argument and the partners' registration: a region's
/// code is stable, so what was found once is kept.
/// </summary>
public interface IRegionCodes
{
    /// <summary>The id of the region with this code (<c>poperinge</c>), or null when no region has it.</summary>
    ValueTask<int?> IdOfAsync(string code, CancellationToken cancellationToken);

    /// <summary>Every region's id by its code, read now.</summary>
    Task<IReadOnlyDictionary<string, int>> AllAsync(CancellationToken cancellationToken);
}
