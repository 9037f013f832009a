using System.Net;
using System.Security.Cryptography;
using System.Text;
using Digibank.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Observability;

/// <summary>The Prometheus scrape: for this machine, or for whoever holds the scrape token.</summary>
public static class MetricsEndpoint
{
    /// <summary>Maps <see cref="MetricsOptions.Path"/>; other callers get 403 and learn nothing about the numbers.</summary>
    public static IEndpointConventionBuilder MapMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(
            MetricsOptions.Path,
            meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(next => http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptionsMonitor<MetricsOptions>>().CurrentValue;
                if (MayScrape(http, options.ScrapeToken))
                {
                    return next(http);
                }

                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }),
            optionsName: null);

    /// <summary>
    /// True for a caller on loopback, or one with the scrape token. A connection without a remote address (the
    /// in-memory test server, a Unix socket behind a proxy) is not taken for loopback: it may come from anywhere.
    /// </summary>
    public static bool MayScrape(HttpContext http, string? scrapeToken)
    {
        if (http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
        {
            return true;
        }

        return !string.IsNullOrEmpty(scrapeToken) && HasToken(http.Request.Headers.Authorization.ToString(), scrapeToken);
    }

    private static bool HasToken(string authorization, string scrapeToken)
    {
        if (BearerTokens.From(authorization) is not { } token)
        {
            return false;
        }

        // Hashes first, so the comparison takes as long whatever the length of what was sent.
        var sent = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(scrapeToken));
        return CryptographicOperations.FixedTimeEquals(sent, expected);
    }
}
