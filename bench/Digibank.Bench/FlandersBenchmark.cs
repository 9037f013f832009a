using System.Diagnostics;
using System.Globalization;
using Digibank.Api.Regions;
using Digibank.Api.Testing;
using Npgsql;

namespace Digibank.Bench;

/// <summary>
/// A simulated Flanders (100 regions, 400 towns, 10,000 courses, 6,000 devices, 200,000 past sign-ups, 20,000 loans) on
/// PostgreSQL, against a database with the demo region alone, in one run: the public course page for one region and
/// across all, a coordinator's reach figures, the admin's Flemish overview, SQL statements per request, and 100
/// coordinators' dashboards while sign-ups arrive in every region.
/// </summary>
public static class FlandersBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var size = FlandersSize.Of(options.Scale);
        if (options.Generate)
        {
            if (options.Connection is null)
            {
                Console.Error.WriteLine("flanders --generate needs --connection \"<connection string of an empty PostgreSQL database>\".");
                return 2;
            }

            await PrepareAsync(options.Connection, size);
            return 0;
        }

        if (options.PostgreSql is null)
        {
            Console.Error.WriteLine("flanders needs --postgresql \"<connection string of a role that may create databases>\" (and optionally --connection \"<a generated Flanders>\").");
            return 2;
        }

        var flandersConnection = options.Connection;
        var scratch = new List<string>();
        try
        {
            var generated = TimeSpan.Zero;
            if (flandersConnection is null)
            {
                flandersConnection = await ScratchDatabases.CreateAsync(options.PostgreSql, "digibank_flanders");
                scratch.Add(flandersConnection);
                generated = await PrepareAsync(flandersConnection, size);
            }

            var demoConnection = await ScratchDatabases.CreateAsync(options.PostgreSql, "digibank_demo");
            scratch.Add(demoConnection);
            return await MeasureAsync(options, size, flandersConnection, demoConnection, generated);
        }
        finally
        {
            foreach (var database in scratch)
                ScratchDatabases.Drop(options.PostgreSql, database);
        }
    }

    /// <summary>Migrates the database and seeds the demo region by starting the API on it, then adds Flanders.</summary>
    private static async Task<TimeSpan> PrepareAsync(string connectionString, FlandersSize size)
    {
        await using (FlandersSite.Start("migrations", connectionString))
        {
            Console.WriteLine("Database migrated, demo region seeded.");
        }

        var clock = Stopwatch.StartNew();
        await FlandersGenerator.GenerateAsync(connectionString, size);
        return clock.Elapsed;
    }

    private static async Task<int> MeasureAsync(BenchOptions options, FlandersSize size, string flandersConnection, string demoConnection, TimeSpan generated)
    {
        await using var flanders = FlandersSite.Start("Flanders", flandersConnection);
        await using var demo = FlandersSite.Start("demo region", demoConnection);
        var regions = await RegionsAsync(flandersConnection);
        Console.WriteLine($"Flanders on {flanders.Api.Http} ({regions.Count} regions besides the demo's), the demo region alone on {demo.Api.Http}");
        var failures = new List<string>();
        var report = new FlandersReport(size, generated, LoadAverage());

        var region = regions[0];
        await FlandersCourses.MeasureAsync(options, flanders, demo, region.Code, report, failures);
        await FlandersReach.MeasureAsync(flanders, demo, region.Id, report, failures);
        await FlandersDashboards.MeasureAsync(flanders, regions, report, failures);
        report.LoadAfter = LoadAverage();

        var table = report.ToMarkdown(failures);
        Console.WriteLine();
        Console.WriteLine(table);
        if (options.Record)
        {
            BenchmarkReport.Record("flanders", table, "Simulated Flanders: 100 regions in one deployment");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>The generated regions (all but the demo's), in order.</summary>
    internal static async Task<List<(int Id, string Code)>> RegionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT \"Id\", \"Code\" FROM \"Regions\" WHERE \"Id\" <> {Region.FirstRegionId} ORDER BY \"Id\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var regions = new List<(int, string)>();
        while (await reader.ReadAsync())
        {
            regions.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return regions.Count > 0 ? regions : throw new InvalidOperationException("The Flanders database has no generated regions: run flanders --generate first.");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    internal static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    internal static string Times(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
