using Digibank.Api.Tests.Dashboard;

namespace Digibank.Api.Tests.Balie;

/// <summary>The README's pictures: taken only when asked for, never in an ordinary test run.</summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public const string Variable = "DIGIBANK_SCREENSHOTS";

    public ScreenshotFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) || !File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            Skip = $"Takes the README's pictures of the counter when {Variable} names a folder, with Chromium installed.";
        }
    }
}
