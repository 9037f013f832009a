namespace Digibank.Api.Reports;

/// <summary>One sheet of the workbook, or one part of the CSV file: rows of cells, laid out as the dashboard shows them.</summary>
public sealed record ReportSheet(string Name, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);
