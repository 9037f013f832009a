using System.Text;
using CsvHelper;

namespace Digibank.Plugins.Shared.Csv;

/// <summary>Rows for a CSV outbox, quoted where a value needs it, in the partner's separator.</summary>
internal static class CsvOutbox
{
    /// <summary>One line per row; the first line is <paramref name="header"/>.</summary>
    public static (string Header, string Rows) Format(char separator, string[] header, IEnumerable<string?[]> rows)
    {
        return (Write(separator, [header]), Write(separator, rows));
    }

    /// <summary>Appends the rows to <paramref name="path"/>, writing the header first when the file is new.</summary>
    public static Task AppendAsync(string path, char separator, string[] header, IEnumerable<string?[]> rows, CancellationToken cancellationToken)
    {
        var (headerLine, lines) = Format(separator, header, rows);
        return PluginFiles.AppendAsync(path, headerLine, lines, cancellationToken);
    }

    private static string Write(char separator, IEnumerable<string?[]> rows)
    {
        var text = new StringWriter(new StringBuilder());
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions { Separator = separator, NewLine = "\r\n", Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                writer.WriteRecord(row.Select(value => value ?? string.Empty).ToArray());
            }
        }

        return text.ToString();
    }
}
