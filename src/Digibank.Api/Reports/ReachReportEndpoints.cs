using System.Globalization;
using Digibank.Api.Dashboard;
using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Reports;

/// <summary>
/// The funder's report to download, with the staff token as a bearer token: the coordinator gets their own region, the
/// admin every region (the overview first, then a sheet per region). Nobody signed in: 401; anyone else: 403.
/// </summary>
public static class ReachReportEndpoints
{
    public const string CsvPath = "/reports/reach.csv";
    public const string WorkbookPath = "/reports/reach.xlsx";

    public static IEndpointRouteBuilder MapReachReports(this IEndpointRouteBuilder app)
    {
        app.MapGet(CsvPath, (Func<HttpContext, Task<IResult>>)(http => ReportAsync(http, "csv", (sheets, _) => Task.FromResult(ReachReportCsv.Write(sheets)))));
        app.MapGet(WorkbookPath, (Func<HttpContext, Task<IResult>>)(http => ReportAsync(http, "xlsx", ReachReportWorkbook.WriteAsync)));
        return app;
    }

    private static async Task<IResult> ReportAsync(HttpContext http, string extension, Func<IReadOnlyList<ReportSheet>, CancellationToken, Task<byte[]>> write)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (StaffUser.From(http.User) is not { } user)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Text("Meld u aan met uw toegangscode (Authorization: Bearer …).", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!user.IsAdmin && !(user.IsCoordinator && user.RegionId is not null))
        {
            return Results.Text("Alleen de coördinator van de regio of de beheerder kan dit rapport downloaden.", statusCode: StatusCodes.Status403Forbidden);
        }

        ReachPeriod period;
        try
        {
            period = ReachPeriod.Create(ParseMoment(http.Request.Query["from"]), ParseMoment(http.Request.Query["to"]));
        }
        catch (Exception problem) when (problem is ExecutionError or FormatException)
        {
            return Results.Text(
                $"Geef een geldige periode, bijvoorbeeld ?from=2025-01-01&to=2026-01-01 (tot en zonder 'to', hoogstens {ReachPeriod.MaxYears} jaar).",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var factory = http.RequestServices.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
        await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
        var regions = await ReachFigures.ComputeAsync(db, period, user.IsAdmin ? null : user.RegionId, null, http.RequestAborted);
        IReadOnlyList<ReportSheet> sheets = user.IsAdmin
            ? [ReachReport.Overview(ReachOverview.Of(period, regions)), .. regions.Select(ReachReport.Region)]
            : [ReachReport.Region(regions.Single())];
        var content = await write(sheets, http.RequestAborted);
        var who = user.IsAdmin ? "alle-regios" : regions.Single().Region.Code;
        var name = $"bereik-{who}-{Day(period.From)}-{Day(period.To)}.{extension}";
        var mediaType = extension == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        return Results.File(content, mediaType, name);
    }

    /// <summary>A day (<c>2025-01-01</c>, midnight in Belgium) or a moment with its offset (<c>2025-01-01T00:00:00+01:00</c>).</summary>
    private static DateTime ParseMoment(string? value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return RegionTime.ToUtc(day.ToDateTime(TimeOnly.MinValue));
        }

        return DateTimeOffset.Parse(value ?? throw new FormatException("No moment given."), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
    }

    private static string Day(DateTime utc) => RegionTime.ToLocal(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
