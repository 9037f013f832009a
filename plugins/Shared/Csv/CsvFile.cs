using System.Text;
using CsvHelper;

namespace Digibank.Plugins.Shared.Csv;

/// <summary>
/// A partner's CSV export read row by row with its header: columns are found by name, whatever their order or case,
/// and a column the export does not have reads as null instead of failing.
/// </summary>
internal sealed class CsvFile : IDisposable
{
    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _columns;

    private CsvFile(CsvReader reader, Dictionary<string, int> columns)
    {
        _reader = reader;
        _columns = columns;
    }

    /// <summary>The line in the file of the current row, for messages a partner can act on.</summary>
    public long Line => _reader.LineNumber;

    /// <summary>
    /// Opens <paramref name="path"/>. Throws when the file is missing, cannot be read, or lacks one of
    /// <paramref name="requiredColumns"/> (then it is not the export the plug-in expects, and syncing it would withdraw
    /// every offer).
    /// </summary>
    public static CsvFile Open(string path, char separator, params string[] requiredColumns)
    {
        var text = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
        CsvReader? reader = null;
        try
        {
            reader = CsvReader.Create(text, new CsvReaderOptions { Separator = separator, TrackLineNumbers = true, SkipEmptyLines = true });
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            var headers = reader.Headers ?? [];
            for (var index = 0; index < headers.Count; index++)
            {
                columns.TryAdd(Normalise(headers[index]), index);
            }

            var missing = requiredColumns.Where(column => !columns.ContainsKey(Normalise(column))).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidDataException(
                    $"{Path.GetFileName(path)} is not the expected export: it has no column {string.Join(", ", missing)} " +
                    $"(separator '{separator}'; columns found: {string.Join(", ", headers)}).");
            }

            var file = new CsvFile(reader, columns);
            reader = null;
            return file;
        }
        finally
        {
            reader?.Dispose();
        }
    }

    /// <summary>Moves to the next row; false at the end of the file.</summary>
    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => _reader.ReadAsync(cancellationToken);

    /// <summary>Whether the export has the column.</summary>
    public bool HasColumn(string column) => _columns.ContainsKey(Normalise(column));

    /// <summary>
    /// The trimmed value of the first of <paramref name="columns"/> the export has; null when it has none of them or the
    /// row stops before it.
    /// </summary>
    public string? Get(params string[] columns)
    {
        foreach (var column in columns)
        {
            if (_columns.TryGetValue(Normalise(column), out var index))
            {
                return index < _reader.FieldCount ? _reader.GetString(index).Trim() : null;
            }
        }

        return null;
    }

    public void Dispose() => _reader.Dispose();

    private static string Normalise(string header) => header.Trim().Trim('\uFEFF').ToLowerInvariant();
}
