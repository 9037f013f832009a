namespace Digibank.Api.Vocabulary;

/// <summary>The one canonical form of a resident's e-mail address, used wherever one is stored or looked up.</summary>
public static class EmailAddress
{
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Normalise(string? text) => text?.Trim().ToLowerInvariant();
}
