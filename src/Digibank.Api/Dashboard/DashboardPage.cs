using System.Net;
using System.Text;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using Digibank.Api.Regions;

namespace Digibank.Api.Dashboard;

/// <summary>
/// The dashboard's HTML, written on the server for one region: its name, its towns, and the code its scripts follow.
/// Without JavaScript the page still says which region it shows; the list of regions needs no script at all.
/// </summary>
public static class DashboardPage
{
    /// <summary>The page of one region: the embedded <c>index.html</c> with the region filled in.</summary>
    public static string ForRegion(string template, DashboardRegions.Shown shown)
    {
        var towns = shown.Towns.Select(t => t.Name).ToList();
        var townList = towns.Count switch
        {
            0 => "nog geen gemeenten",
            1 => towns[0],
            _ => $"{string.Join(", ", towns.Take(towns.Count - 1))} en {towns[^1]}",
        };
        return template
            .Replace("{{region-name}}", Encode(shown.Region.Name), StringComparison.Ordinal)
            .Replace("{{region-code}}", Encode(shown.Region.Code), StringComparison.Ordinal)
            .Replace("{{region-id}}", shown.Region.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{region-towns}}", Encode(townList), StringComparison.Ordinal)
            .Replace("{{town-ids}}", Encode(string.Join(' ', shown.Towns.Select(t => GlobalId.Encode(MunicipalityType.TypeName, t.Id)))), StringComparison.Ordinal)
            .Replace("{{threshold}}", shown.Region.SmallGroupThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>The regions to choose from, as plain links; <paramref name="unknown"/> is a code that matched none.</summary>
    public static string Choice(IReadOnlyList<Region> regions, string? unknown)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="nl">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="referrer" content="no-referrer">
              <title>Kies een regio — Live overzicht Digibank</title>
              <link rel="stylesheet" href="/dashboard/dashboard.css">
            </head>
            <body>
              <a class="skip-link" href="#inhoud">Naar de inhoud</a>
              <header class="page-header">
                <div class="wrap">
                  <h1>Live overzicht Digibank</h1>
                  <p class="lead">Kies de regio die u wilt zien.</p>
                </div>
              </header>
              <main id="inhoud" tabindex="-1">
                <div class="wrap">
                  <section class="block" aria-labelledby="regions-title">
                    <h2 id="regions-title">Regio's</h2>

            """);
        if (unknown is not null)
        {
            html.Append($"""        <p class="message" role="alert">Er is geen regio met de code „{Encode(unknown)}”. Kies hieronder een regio.</p>""").Append('\n');
        }

        html.Append("""        <ul class="regions">""").Append('\n');
        foreach (var region in regions)
        {
            html.Append($"""          <li><a href="{DashboardEndpoints.Path}?region={Uri.EscapeDataString(region.Code)}">{Encode(region.Name)}</a></li>""").Append('\n');
        }

        html.Append("""
                    </ul>
                    <p class="hint">Bent u coördinator of medewerker? Open het overzicht met de link met uw toegangscode. Dan ziet u meteen uw eigen regio.</p>
                  </section>
                </div>
              </main>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
