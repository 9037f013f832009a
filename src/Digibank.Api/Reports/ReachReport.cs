using System.Globalization;
using Digibank.Api.Dashboard;
using Digibank.Api.Municipalities;

namespace Digibank.Api.Reports;

/// <summary>
/// The funder's report: the reach figures of a period, exactly as <c>reachStatistics</c> (and, for all regions,
/// <c>reachOverview</c>) publish them, the same suppression included, laid out in rows for a CSV file or a workbook.
/// </summary>
public static class ReachReport
{
    private static readonly string[] FigureNames = ["Mensen bereikt", "Inschrijvingen", "Aanwezig", "Niet gekomen", "Uitleningen", "Hulpvragen", "Huisbezoeken"];

    /// <summary>The sheet of one region: its totals, then by town, by target group and by month.</summary>
    public static ReportSheet Region(ReachStatistics statistics)
    {
        var threshold = statistics.Region.SmallGroupThreshold;
        List<IReadOnlyList<ReportCell>> rows =
        [
            Texts($"Bereikcijfers van {statistics.Region.Name}"),
            .. Period(statistics.Period),
            Texts("Kleine aantallen", $"Cijfers onder {threshold} tonen we niet („< {threshold}”), zodat niemand herkenbaar wordt. Soms verbergen we ook een ander cijfer, zodat u het verborgen cijfer niet kunt uitrekenen."),
            [],
            Texts("Totaal"),
            Header(string.Empty),
            Figures("Hele regio", ReachOverviewTotals.FiguresOf(statistics.Totals), threshold),
            [],
            Texts("Per gemeente"),
            Header("Gemeente"),
            .. statistics.ByMunicipality.Select(row => Figures(row.Municipality!.Name, ReachOverviewTotals.FiguresOf(row.Counts), threshold)),
            [],
            Texts("Per doelgroep"),
            Header("Doelgroep"),
            .. statistics.ByTargetGroup.Select(row => Figures(GroupName(row.TargetGroup!.Value), ReachOverviewTotals.FiguresOf(row.Counts), threshold)),
            [],
            Texts("Per maand"),
            Header("Maand"),
            .. statistics.ByMonth.Select(row => Figures(row.Month!, ReachOverviewTotals.FiguresOf(row.Counts), threshold)),
        ];
        return new ReportSheet(statistics.Region.Code, rows);
    }

    /// <summary>The overview of all regions: one row per region, and the totals of the shown figures.</summary>
    public static ReportSheet Overview(ReachOverview overview)
    {
        List<IReadOnlyList<ReportCell>> rows =
        [
            Texts("Bereikcijfers van alle regio's"),
            .. Period(overview.Period),
            Texts("Totalen", "Een totaal telt alleen de cijfers op die de regio's tonen. Een afgeschermd cijfer („< …”) telt niet mee."),
            [],
            [ReportCell.Of("Regio"), ReportCell.Of("Code"), .. FigureNames.Select(ReportCell.Of)],
            .. overview.Regions.Select(region => (IReadOnlyList<ReportCell>)
                [ReportCell.Of(region.Region.Name), ReportCell.Of(region.Region.Code), .. Cells(ReachOverviewTotals.FiguresOf(region.Totals), region.Region.SmallGroupThreshold)]),
            [ReportCell.Of("Totaal van de getoonde cijfers"), ReportCell.Empty, .. overview.Totals.Figures.Select(value => value is { } shown ? new ReportCell(null, shown) : ReportCell.Of("afgeschermd"))],
        ];
        return new ReportSheet("overzicht", rows);
    }

    public static string GroupName(TargetGroup group) => group switch
    {
        TargetGroup.Everyone => "Iedereen",
        TargetGroup.Seniors => "Senioren",
        TargetGroup.Parents => "Ouders",
        TargetGroup.JobSeekers => "Werkzoekenden",
        TargetGroup.LowIncome => "Mensen met een laag inkomen",
        TargetGroup.LowLiteracy => "Laaggeletterden",
        TargetGroup.Newcomers => "Nieuwkomers",
        _ => group.ToString(),
    };

    private static IEnumerable<IReadOnlyList<ReportCell>> Period(ReachPeriod period)
    {
        var format = "yyyy-MM-dd HH:mm";
        yield return Texts("Van", RegionTime.ToLocal(period.From).ToString(format, CultureInfo.InvariantCulture));
        yield return Texts("Tot (niet inbegrepen)", RegionTime.ToLocal(period.To).ToString(format, CultureInfo.InvariantCulture));
    }

    private static IReadOnlyList<ReportCell> Header(string first) => [ReportCell.Of(first), .. FigureNames.Select(ReportCell.Of)];

    private static IReadOnlyList<ReportCell> Figures(string label, int?[] figures, int threshold) => [ReportCell.Of(label), .. Cells(figures, threshold)];

    private static IEnumerable<ReportCell> Cells(int?[] figures, int threshold) => figures.Select(value => ReportCell.Figure(value, threshold));

    private static IReadOnlyList<ReportCell> Texts(params string[] texts) => [.. texts.Select(ReportCell.Of)];
}
