namespace Digibank.Api.Tests.Dashboard;

/// <summary>
/// A browser test: it runs in Debian's Chromium and is skipped, with the reason, on a machine without it.
/// Playwright's own browser download is never used.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"Chromium is not installed at {ExecutablePath}; install Debian's package (apt-get install chromium) to run the dashboard's browser tests.";
        }
    }
}
