namespace Digibank.Api.Balie.Shared;

public static class CounterPaths
{
    /// <summary>Where to go after signing in: a counter page named by the request, or else Vandaag; never another site.</summary>
    public static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith(CounterSetup.Path, StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.Contains('\\', StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : CounterSetup.Path;
}
