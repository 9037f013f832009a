using Microsoft.Extensions.Logging;

namespace Digibank.Api.Tests.Observability;

/// <summary>The API with its telemetry kept in memory; our own categories log at Debug, EF Core's SQL and ASP.NET Core's requests at Information.</summary>
public sealed class ObservedApiFactory : DigibankApiFactory
{
    public ObservedApiFactory()
    {
        Telemetry = new TelemetryCapture
        {
            LogLevels =
            {
                ["Digibank"] = LogLevel.Debug,
                ["Microsoft.EntityFrameworkCore.Database.Command"] = LogLevel.Information,
                ["Microsoft.AspNetCore"] = LogLevel.Information,
            },
        };
    }

    public TelemetryCapture Capture => Telemetry!;
}
