namespace Digibank.Api.Hosting;

/// <summary>The credential in an <c>Authorization: Bearer …</c> value, the scheme's name in any case, as HTTP has it.</summary>
public static class BearerTokens
{
    public const string Scheme = "Bearer";

    /// <summary>The token after the scheme, trimmed; null when the value names another scheme or none.</summary>
    public static string? From(string? authorization) =>
        authorization is { Length: > 7 } && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && authorization[Scheme.Length] == ' '
            ? authorization[(Scheme.Length + 1)..].Trim()
            : null;
}
