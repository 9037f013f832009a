namespace Digibank.Plugins.Host;

/// <summary>Gives the host the key a partner's plug-in authenticates with (<c>authorization: Bearer &lt;key&gt;</c>).</summary>
public interface IPartnerKeySource
{
    /// <summary>The partner's key; throws when there is none.</summary>
    Task<string> GetKeyAsync(string partnerCode, CancellationToken cancellationToken);
}
