using System.Text;
using Microsoft.Extensions.Configuration;

namespace Digibank.Plugins.Host;

/// <summary>
/// Partner keys for a stand-alone host: <c>Plugins:Keys:&lt;partnerCode&gt;</c> in configuration (so also the
/// environment variable <c>Plugins__Keys__ligo</c>), or <c>DIGIBANK_PARTNER_KEY_&lt;CODE&gt;</c> for codes with a hyphen,
/// e.g. <c>DIGIBANK_PARTNER_KEY_BIB_POPERINGE</c>.
/// </summary>
public sealed class ConfigurationPartnerKeySource(IConfiguration configuration) : IPartnerKeySource
{
    /// <inheritdoc />
    public Task<string> GetKeyAsync(string partnerCode, CancellationToken cancellationToken)
    {
        var key = configuration[$"{PluginHostOptions.SectionName}:Keys:{partnerCode}"];
        if (string.IsNullOrWhiteSpace(key))
            key = Environment.GetEnvironmentVariable(EnvironmentVariableFor(partnerCode));
        if (string.IsNullOrWhiteSpace(key))
            throw new InvalidOperationException(
                $"No key for partner '{partnerCode}': set Plugins:Keys:{partnerCode} or {EnvironmentVariableFor(partnerCode)}.");
        return Task.FromResult(key.Trim());
    }

    private static string EnvironmentVariableFor(string partnerCode)
    {
        var name = new StringBuilder("DIGIBANK_PARTNER_KEY_");
        foreach (var character in partnerCode)
            name.Append(char.IsAsciiLetterOrDigit(character) ? char.ToUpperInvariant(character) : '_');
        return name.ToString();
    }
}
