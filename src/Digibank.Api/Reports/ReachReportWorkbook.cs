using SpreadCheetah;

namespace Digibank.Api.Reports;

/// <summary>The report as an .xlsx workbook: one worksheet per sheet of the report, numbers as numbers, texts as texts.</summary>
public static class ReachReportWorkbook
{
    public static async Task<byte[]> WriteAsync(IEnumerable<ReportSheet> sheets, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(buffer, cancellationToken: cancellationToken))
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var sheet in sheets)
            {
                await spreadsheet.StartWorksheetAsync(UniqueName(sheet.Name, names), token: cancellationToken);
                foreach (var row in sheet.Rows)
                {
                    // A text is written as a text, never as a formula, so a town's name cannot run in Excel.
                    await spreadsheet.AddRowAsync([.. row.Select(c => c.Number is { } number ? new Cell(number) : new Cell(c.Text))], cancellationToken);
                }
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        return buffer.ToArray();
    }

    /// <summary>Excel allows 31 characters, none of <c>[]:*?/\</c>, and each name once.</summary>
    private static string UniqueName(string name, HashSet<string> taken)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '-' : c)]);
        clean = clean.Length == 0 ? "blad" : clean[..Math.Min(clean.Length, 31)];
        var candidate = clean;
        for (var number = 2; !taken.Add(candidate); number++)
        {
            var suffix = $" {number}";
            candidate = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }

        return candidate;
    }
}
