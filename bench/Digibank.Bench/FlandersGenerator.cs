using System.Diagnostics;
using System.Globalization;
using Digibank.Api.Vocabulary;
using Npgsql;
using NpgsqlTypes;

namespace Digibank.Bench;

/// <summary>
/// A simulated Flanders in a PostgreSQL database that already holds the demo region (migrated and seeded by the API):
/// 100 regions of 4 towns each, their help points, partners that mostly publish in several regions, 10,000 courses,
/// 6,000 devices, 200,000 past sign-ups and 20,000 loans, every row with its region. The rows follow from the seed,
/// the scale and the day of the run only, and go in with binary COPY: row-by-row inserts would take far too long.
/// </summary>
public sealed partial class FlandersGenerator
{
    public const int Seed = 23;

    private static readonly string[] TownStarts =
    [
        "Beve", "Zand", "Oost", "West", "Hoog", "Lang", "Meul", "Kort", "Wer", "Ste", "Oud", "Nieuw",
        "Berk", "Eke", "Lo", "Ha", "Wa", "Ro", "Moer", "Vlie", "Dender", "Schel", "Kempen", "Heide",
    ];

    private static readonly string[] TownEnds =
    [
        "kerke", "dijk", "gem", "hout", "bos", "ghem", "zele", "mere", "beke", "tegem", "rode", "hove",
        "veld", "lede", "straten", "donk", "ingen",
    ];

    private readonly NpgsqlConnection _connection;
    private readonly Random _random = new(Seed);
    private readonly DateTime _today = DateTime.UtcNow.Date;
    private readonly List<RegionRow> _regions = [];
    private readonly List<TownRow> _towns = [];
    private readonly List<HelpPointRow> _helpPoints = [];

    private FlandersGenerator(NpgsqlConnection connection, FlandersSize size) => (_connection, Size) = (connection, size);

    public FlandersSize Size { get; }

    /// <summary>The generated regions: id and code, in order.</summary>
    public IReadOnlyList<(int Id, string Code)> Regions => _regions.Select(region => (region.Id, region.Code)).ToList();

    /// <summary>Fills the database; prints what it wrote and how long each table took.</summary>
    public static async Task<FlandersGenerator> GenerateAsync(string connectionString, FlandersSize size)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var generator = new FlandersGenerator(connection, size);
        try
        {
            // The generator writes as the seed does: under the seed's named bypass, so it sees every region's rows.
            await generator.ExecuteAsync("SELECT set_config('digibank.bypass', 'seed', false)");
            var clock = Stopwatch.StartNew();
            await generator.StepAsync("regions, towns, help points", generator.PlacesAsync);
            await generator.StepAsync("partners and their regions", generator.PartnersAsync);
            await generator.StepAsync("courses, sessions, topics", generator.CoursesAsync);
            await generator.StepAsync("devices", generator.DevicesAsync);
            await generator.StepAsync("participants", generator.ParticipantsAsync);
            await generator.StepAsync("sign-ups", generator.SignUpsAsync);
            await generator.StepAsync("loans", generator.LoansAsync);
            await generator.StepAsync("identities and statistics", generator.FinishAsync);
            Console.WriteLine($"Flanders generated in {clock.Elapsed.TotalSeconds:0.0} s: {size}");
            return generator;
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    private async Task StepAsync(string what, Func<Task<int>> step)
    {
        var clock = Stopwatch.StartNew();
        var rows = await step();
        Console.WriteLine($"  {what}: {rows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<int> PlacesAsync()
    {
        var regionId = await NextIdAsync("Regions");
        var townId = await NextIdAsync("Municipalities");
        var helpPointId = await NextIdAsync("HelpPoints");
        var names = TownStarts.SelectMany(start => TownEnds.Select(end => start + end)).OrderBy(_ => _random.Next()).ToList();
        var columns = (int)Math.Ceiling(Math.Sqrt(Size.Regions * 2));
        for (var index = 0; index < Size.Regions; index++)
        {
            // Regions on a grid over Flanders, 50.7–51.3 N and 2.5–5.9 E; their towns around the grid point.
            var (row, column) = (index / columns, index % columns);
            var (latitude, longitude) = (50.75 + 0.5 * row / Math.Max(1, (Size.Regions - 1) / columns), 2.6 + 3.2 * column / Math.Max(1, columns - 1));
            var towns = Enumerable.Range(0, Size.TownsPerRegion).Select(town => new TownRow(
                townId++, regionId, names[index * Size.TownsPerRegion + town] + (index * Size.TownsPerRegion + town >= names.Count ? $" {index}" : string.Empty),
                Math.Round(latitude + (_random.NextDouble() - 0.5) * 0.08, 4), Math.Round(longitude + (_random.NextDouble() - 0.5) * 0.12, 4))).ToList();
            _towns.AddRange(towns);
            _regions.Add(new RegionRow(regionId++, $"regio-{index + 1:000}", $"Digibank regio {towns[0].Name}"));
            foreach (var town in towns)
            {
                var count = 1 + (_random.Next(10) < 3 ? 1 : 0);
                for (var point = 0; point < count; point++)
                {
                    var name = point == 0 ? $"Bibliotheek {town.Name}" : $"Dienstencentrum {town.Name}";
                    _helpPoints.Add(new HelpPointRow(helpPointId++, town.Id, town.RegionId, name, point == 0 ? "Library" : "ServiceCentre", town.Latitude, town.Longitude));
                }
            }
        }

        await CopyAsync("Regions", ["Id", "Code", "Name", "SmallGroupThreshold"], _regions, (row, region) =>
        {
            row.Write(region.Id, NpgsqlDbType.Integer);
            row.Write(region.Code, NpgsqlDbType.Varchar);
            row.Write(region.Name, NpgsqlDbType.Varchar);
            row.Write(5, NpgsqlDbType.Integer);
        });
        await CopyAsync("Municipalities", ["Id", "Name", "NameKey", "PostalCode", "Latitude", "Longitude", "RegionId"], _towns, (row, town) =>
        {
            row.Write(town.Id, NpgsqlDbType.Integer);
            row.Write(town.Name, NpgsqlDbType.Varchar);
            row.Write(TextKey.Fold(town.Name), NpgsqlDbType.Varchar);
            row.Write((1000 + town.Id % 9000).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
            row.Write(town.Latitude, NpgsqlDbType.Double);
            row.Write(town.Longitude, NpgsqlDbType.Double);
            row.Write(town.RegionId, NpgsqlDbType.Integer);
        });
        await CopyAsync("HelpPoints", ["Id", "Name", "NameKey", "Kind", "MunicipalityId", "Street", "Latitude", "Longitude", "Services", "WheelchairAccessible", "RegionId"], _helpPoints, (row, point) =>
        {
            row.Write(point.Id, NpgsqlDbType.Integer);
            row.Write(point.Name, NpgsqlDbType.Varchar);
            row.Write(TextKey.Fold(point.Name), NpgsqlDbType.Varchar);
            row.Write(point.Kind, NpgsqlDbType.Varchar);
            row.Write(point.TownId, NpgsqlDbType.Integer);
            row.Write($"Marktplein {1 + point.Id % 40}", NpgsqlDbType.Varchar);
            row.Write(point.Latitude, NpgsqlDbType.Double);
            row.Write(point.Longitude, NpgsqlDbType.Double);
            row.Write(new[] { "WalkInHelp", "DeviceLending", "Courses" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
            row.Write(true, NpgsqlDbType.Boolean);
            row.Write(point.RegionId, NpgsqlDbType.Integer);
        });
        return _regions.Count + _towns.Count + _helpPoints.Count;
    }

    /// <summary>Every identity continues after the generated ids; the planner learns the new sizes.</summary>
    private async Task<int> FinishAsync()
    {
        string[] tables = ["Regions", "Municipalities", "HelpPoints", "Partners", "Courses", "CourseSessions", "Devices", "Participants", "SignUps", "Loans"];
        foreach (var table in tables)
        {
            await ExecuteAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))");
        }

        await ExecuteAsync("ANALYZE");
        return 0;
    }

    private async Task<int> NextIdAsync(string table)
    {
        await using var command = new NpgsqlCommand($"SELECT coalesce(max(\"Id\"), 0) + 1 FROM \"{table}\"", _connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private async Task CopyAsync<T>(string table, string[] columns, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {
        // PostgreSQL refuses COPY into a table under row-level security; the generator, as the tables' owner, lifts the
        // forced policy for its own load and puts it back after, whatever happens.
        await ExecuteAsync($"ALTER TABLE \"{table}\" NO FORCE ROW LEVEL SECURITY");
        try
        {
            var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(column => $"\"{column}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await _connection.BeginBinaryImportAsync(sql);
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                write(importer, row);
            }

            await importer.CompleteAsync();
        }
        finally
        {
            await ExecuteAsync($"ALTER TABLE \"{table}\" FORCE ROW LEVEL SECURITY");
        }
    }

    private static void WriteOrNull<TValue>(NpgsqlBinaryImporter row, TValue? value, NpgsqlDbType type)
        where TValue : struct
    {
        if (value is { } present)
        {
            row.Write(present, type);
        }
        else
        {
            row.WriteNull();
        }
    }

    private sealed record RegionRow(int Id, string Code, string Name);

    private sealed record TownRow(int Id, int RegionId, string Name, double Latitude, double Longitude);

    private sealed record HelpPointRow(int Id, int TownId, int RegionId, string Name, string Kind, double Latitude, double Longitude);
}
