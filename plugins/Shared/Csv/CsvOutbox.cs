using System.Globalization;
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

    /// <summary>
    /// Appends a row per sign-up change in the columns of <paramref name="header"/>: the platform's id, the course, the
    /// status in Dutch, the place on the waiting list, first name, e-mail, phone and when, in Belgian time. For an
    /// erasure notice the name and contact are first taken out of the rows already there for its sign-up (the file is
    /// replaced in one step), and none of its sign-up's rows gets them. Returns how many earlier rows were blanked.
    /// </summary>
    public static async Task<int> WriteSignUpChangesAsync(string path, char separator, string[] header, IReadOnlyList<SignUpChange> changes, CancellationToken cancellationToken)
    {
        var erased = changes.Where(change => change.Erased).Select(change => change.SignUpId).ToHashSet(StringComparer.Ordinal);
        var blanked = erased.Count > 0 && File.Exists(path) ? await ForgetAsync(path, separator, header[0], header[4..7], erased, cancellationToken) : 0;
        var rows = changes.Select(change =>
        {
            var forgotten = erased.Contains(change.SignUpId);
            return new[]
            {
                change.SignUpId,
                change.CourseExternalId,
                Vocabulary.SignUpStatusWord(change.Status),
                change.WaitlistPosition?.ToString(CultureInfo.InvariantCulture),
                forgotten ? null : change.FirstName,
                forgotten ? null : change.Email,
                forgotten ? null : change.Phone,
                BrusselsTime.LocalText(change.ChangedAt),
            };
        });
        await AppendAsync(path, separator, header, rows, cancellationToken);
        return blanked;
    }

    /// <summary>
    /// Empties <paramref name="personalColumns"/> in the rows of <paramref name="signUpIds"/> and replaces the file. A file
    /// without those columns is not the outbox this plug-in writes: it fails the run untouched, for the partner to look at.
    /// </summary>
    private static async Task<int> ForgetAsync(string path, char separator, string idColumn, string[] personalColumns, HashSet<string> signUpIds, CancellationToken cancellationToken)
    {
        string[] header;
        var rows = new List<string?[]>();
        var blanked = 0;
        using (var text = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true))
        using (var reader = CsvReader.Create(text, new CsvReaderOptions { Separator = separator, SkipEmptyLines = true }))
        {
            header = [.. reader.Headers ?? []];
            var columns = personalColumns.Prepend(idColumn).Select(column => Array.FindIndex(header, name => string.Equals(name.Trim(), column, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (columns.Contains(-1))
            {
                throw new InvalidDataException(
                    $"{Path.GetFileName(path)} has no column {string.Join(", ", personalColumns.Prepend(idColumn).Where((_, index) => columns[index] < 0))}, so the name and contact of an erased person cannot be taken out of it; fix or move it.");
            }

            while (await reader.ReadAsync(cancellationToken))
            {
                var row = Enumerable.Range(0, reader.FieldCount).Select(index => (string?)reader.GetString(index)).ToArray();
                if (columns[0] < row.Length && signUpIds.Contains(row[columns[0]]!))
                {
                    foreach (var column in columns[1..].Where(column => column < row.Length && row[column]!.Length > 0))
                    {
                        row[column] = null;
                    }

                    blanked++;
                }

                rows.Add(row);
            }
        }

        var (headerLine, lines) = Format(separator, header, rows);
        await PluginFiles.ReplaceAsync(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(headerLine + lines), cancellationToken);
        return blanked;
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
