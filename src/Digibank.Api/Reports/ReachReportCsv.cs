using System.Globalization;
using System.Text;

namespace Digibank.Api.Reports;

/// <summary>
/// The report as a CSV file for Belgian Excel: semicolons between cells, UTF-8 with a byte order mark (so Excel reads
/// é and ë right), CRLF line ends, the sheets one after the other with a blank line between.
/// </summary>
public static class ReachReportCsv
{
    public static byte[] Write(IEnumerable<ReportSheet> sheets)
    {
        var text = new StringBuilder();
        var first = true;
        foreach (var sheet in sheets)
        {
            if (!first)
            {
                text.Append("\r\n");
            }

            first = false;
            foreach (var row in sheet.Rows)
            {
                text.AppendJoin(';', row.Select(Cell)).Append("\r\n");
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Cell(ReportCell cell) =>
        cell.Number is { } number ? number.ToString(CultureInfo.InvariantCulture) : Quote(Guard(cell.Text ?? string.Empty));

    /// <summary>A text that a spreadsheet would take for a formula (a town named "=HYPERLINK(…)") is kept as text.</summary>
    public static string Guard(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? $"'{text}" : text;

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
