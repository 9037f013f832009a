namespace Digibank.Api.Reports;

/// <summary>One cell of the funder's report: a text, a number, or a figure too small to show (its text says so).</summary>
public readonly record struct ReportCell(string? Text, int? Number)
{
    public static readonly ReportCell Empty = new(null, null);

    public static ReportCell Of(string text) => new(text, null);

    /// <summary>A published figure: the number, or "&lt; threshold" where the reach statistics have null.</summary>
    public static ReportCell Figure(int? value, int threshold) => value is { } shown ? new(null, shown) : new($"< {threshold}", null);
}
