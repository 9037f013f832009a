using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Digibank.Api.Data;
using Digibank.Api.Partners;
using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Bench;

/// <summary>
/// 100,000 course offers streamed through the gRPC upload into SQLite, against a raw prepared-statement
/// insert of the same rows into a copy of the same database, in one run on 127.0.0.1.
/// </summary>
public static class IngestBenchmark
{
    private static readonly string[] HelpPoints =
    [
        "Bibliotheek Poperinge", "Buurthuis Bellewijk", "Lokaal Dienstencentrum De Bres", "Buurtsalon Krombeke",
        "Bibliotheek Heuvelland", "Stadhuis Mesen", "Bibliotheek Vleteren",
    ];

    private static readonly string[] Topics = ["tax-on-web", "itsme", "online-banking", "smartschool", "email", "smartphone-basics", "eid"];

    public static async Task<int> RunAsync(BenchOptions options, int offerCount)
    {
        var folder = Directory.CreateTempSubdirectory("digibank-ingest-");
        try
        {
            var apiDatabase = Path.Combine(folder.FullName, "api.db");
            // Every plug-in run below replaces the partner's whole offer on purpose: no hold for a coordinator.
            await using var api = LoopbackApi.Start(apiDatabase, settings: new Dictionary<string, string> { ["PartnerSync:MassWithdrawalShare"] = "1" });
            var key = await IssueKeyAsync(api, "vdab");
            var plugin = await PluginIngest.PrepareAsync(folder.FullName, api, offerCount);
            Console.WriteLine($"gRPC on {api.Grpc}; {offerCount} offers, {options.Rounds} round(s)");

            var rawRates = new List<double>();
            var grpcRates = new List<double>();
            var inProcessRates = new List<double>();
            var workerRates = new List<double>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                var offers = MakeOffers(offerCount, $"R{round}");
                var copy = Path.Combine(folder.FullName, $"raw-{round}.db");
                await CopyDatabaseAsync(apiDatabase, copy);
                rawRates.Add(offerCount / await RawInsertAsync(copy, offers));
                grpcRates.Add(offerCount / await GrpcUploadAsync(api.Grpc, key, offers));
                // Each run replaces the one before it in a database that keeps growing: take turns going first.
                if (round % 2 == 1)
                {
                    inProcessRates.Add(offerCount / await plugin.RunInProcessAsync($"I{round}"));
                    workerRates.Add(offerCount / await plugin.RunInWorkerAsync($"W{round}"));
                }
                else
                {
                    workerRates.Add(offerCount / await plugin.RunInWorkerAsync($"W{round}"));
                    inProcessRates.Add(offerCount / await plugin.RunInProcessAsync($"I{round}"));
                }
                Console.WriteLine($"round {round}: raw insert {rawRates[^1],9:0} offers/s   gRPC upload {grpcRates[^1],9:0} offers/s   plug-in in process {inProcessRates[^1],9:0} offers/s   plug-in in a worker {workerRates[^1],9:0} offers/s");
            }

            var raw = Median(rawRates);
            var grpc = Median(grpcRates);
            var ratio = grpc / raw;
            var inProcess = Median(inProcessRates);
            var worker = Median(workerRates);
            var (inProcessRatio, workerRatio) = (inProcess / raw, worker / raw);
            // Paired within each round (the runs take turns going first), so the database's growth over the rounds cancels out.
            var workerCost = 1 - Median([.. workerRates.Zip(inProcessRates, (inWorker, inProcessRate) => inWorker / inProcessRate)]);
            Console.WriteLine($"median: raw {raw:0} offers/s, gRPC {grpc:0} offers/s, ratio {ratio:0.00}x (goal 0.50x or better)");
            Console.WriteLine($"plug-in in process {inProcess:0} offers/s ({inProcessRatio:0.00}x raw), in a worker {worker:0} offers/s ({workerRatio:0.00}x raw): the worker costs {workerCost:P1} of the ratio (goal: at most 10 %)");
            if (options.Record)
            {
                BenchmarkReport.Record("ingest", $"""
                    | path | offers per second (median of {options.Rounds} round(s) of {offerCount:N0} offers) |
                    | --- | ---: |
                    | raw prepared-statement insert of the same rows (one transaction) | {raw.ToString("0", CultureInfo.InvariantCulture)} |
                    | `UploadOffers` client stream over h2c on 127.0.0.1: checked, hashed, inserted | {grpc.ToString("0", CultureInfo.InvariantCulture)} |
                    | **ratio gRPC / raw** | **{ratio.ToString("0.00", CultureInfo.InvariantCulture)}×** (goal: 0.50× or better: {(ratio >= 0.5 ? "met" : "not met")}) |
                    """);
                BenchmarkReport.Record("ingest-plugin", $"""
                    | path | offers per second (median of {options.Rounds} round(s) of {offerCount:N0} offers) | ratio to the raw insert |
                    | --- | ---: | ---: |
                    | a plug-in's snapshot run in the host's own process (the host before worker processes) | {inProcess.ToString("0", CultureInfo.InvariantCulture)} | {inProcessRatio.ToString("0.00", CultureInfo.InvariantCulture)}× |
                    | the same run in a worker process of its own (started, loaded, run, ended) | {worker.ToString("0", CultureInfo.InvariantCulture)} | {workerRatio.ToString("0.00", CultureInfo.InvariantCulture)}× |
                    | **cost of the worker process** (median over the rounds of 1 − worker ÷ in process) | | **{workerCost.ToString("P1", CultureInfo.InvariantCulture)}** of the ratio (goal: at most 10 %: {(workerCost <= 0.10 ? "met" : "not met")}) |
                    """);
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    internal static async Task<string> IssueKeyAsync(LoopbackApi api, string partnerCode)
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<DigibankDbContext>>().CreateDbContextAsync();
        return await PartnerKeys.IssueAsync(db, partnerCode, "ingest benchmark", DateTime.UtcNow, CancellationToken.None);
    }

    internal static List<CourseOffer> MakeOffers(int count, string batch)
    {
        var start = DateTime.UtcNow.Date.AddDays(30);
        return [.. Enumerable.Range(1, count).Select(index =>
        {
            var startsAt = start.AddHours(index % 2000);
            return new CourseOffer
            {
                ExternalId = $"BENCH-{batch}-{index:D6}",
                Title = $"Digitale basisvaardigheden, groep {index}",
                Summary = "Je leert werken met je smartphone, e-mail en de apps van de overheid.",
                Topics = { Topics[index % Topics.Length], Topics[(index + 3) % Topics.Length] },
                TargetGroups = { "SENIORS", "LOW_LITERACY" },
                Level = "BEGINNER",
                Language = "PLAIN_DUTCH",
                HelpPointName = HelpPoints[index % HelpPoints.Length],
                Capacity = 8 + (index % 8),
                PriceCents = index % 3 == 0 ? 500 : 0,
                SignUpDeadline = Timestamp.FromDateTime(startsAt.AddDays(-2)),
                Sessions = { new SessionOffer { StartsAt = Timestamp.FromDateTime(startsAt), EndsAt = Timestamp.FromDateTime(startsAt.AddHours(2)), Room = "Zaal 1" } },
            };
        })];
    }

    private static async Task<double> GrpcUploadAsync(Uri address, string key, List<CourseOffer> offers)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var clock = Stopwatch.StartNew();
        var summary = await UploadOffersAsync(new PartnerSync.PartnerSyncClient(channel), key, new UploadHeader { PartnerCode = "vdab", Mode = UploadMode.Delta }, offers);
        var seconds = clock.Elapsed.TotalSeconds;
        if (summary.Created != offers.Count)
        {
            throw new InvalidOperationException($"The upload created {summary.Created} of {offers.Count} offers; rejected: {summary.Rejected.FirstOrDefault()?.Reason}");
        }

        return seconds;
    }

    /// <summary>Streams the offers to <c>UploadOffers</c> in batches of 500, as a large partner's plug-in does.</summary>
    internal static async Task<OfferUploadSummary> UploadOffersAsync(PartnerSync.PartnerSyncClient client, string key, UploadHeader header, IReadOnlyList<CourseOffer> offers)
    {
        using var call = client.UploadOffers(new Metadata { { "authorization", $"Bearer {key}" } }, deadline: DateTime.UtcNow.AddMinutes(10));
        await call.RequestStream.WriteAsync(new OfferUpload { Header = header });
        foreach (var batch in offers.Chunk(500))
        {
            await call.RequestStream.WriteAsync(new OfferUpload { Batch = new OfferBatch { Offers = { batch } } });
        }

        await call.RequestStream.WriteAsync(new OfferUpload { End = new UploadEnd() });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>The baseline: the same rows with three prepared statements in one transaction, nothing else.</summary>
    private static async Task<double> RawInsertAsync(string databaseFile, List<CourseOffer> offers)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync();
        var helpPoints = await LookupAsync(connection, """SELECT "Name", "Id" || ',' || "MunicipalityId" FROM "HelpPoints" """);
        var topics = await LookupAsync(connection, """SELECT "Code", "Id" FROM "Topics" """);
        var partnerId = (await LookupAsync(connection, """SELECT "Code", "Id" FROM "Partners" """))["vdab"];

        var clock = Stopwatch.StartNew();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var course = Prepare(connection, transaction, """
            INSERT INTO "Courses" ("Title", "TitleKey", "Summary", "SummaryKey", "Level", "Language", "TargetGroups", "PartnerId", "ExternalId",
                "HelpPointId", "MunicipalityId", "Capacity", "PriceCents", "SignUpDeadline", "Status", "WheelchairAccessible", "StartsAt", "UpdatedAt")
            VALUES ($1, $2, $3, $4, 'Beginner', 'PlainDutch', $5, $6, $7, $8, $9, $10, $11, $12, 'Scheduled', 0, $13, $14) RETURNING "Id";
            """, 14);
        var session = Prepare(connection, transaction, """INSERT INTO "CourseSessions" ("CourseId", "StartsAt", "EndsAt", "Room") VALUES ($1, $2, $3, $4);""", 4);
        var topic = Prepare(connection, transaction, """INSERT INTO "CourseTopics" ("CoursesId", "TopicsId") VALUES ($1, $2);""", 2);
        var targetGroups = JsonSerializer.Serialize(new[] { "Seniors", "LowLiteracy" });
        var now = Text(DateTime.UtcNow);
        foreach (var offer in offers)
        {
            var place = helpPoints[offer.HelpPointName].Split(',');
            var startsAt = Text(offer.Sessions[0].StartsAt.ToDateTime());
            Bind(course, offer.Title, Digibank.Api.Vocabulary.TextKey.Fold(offer.Title), offer.Summary, Digibank.Api.Vocabulary.TextKey.Fold(offer.Summary), targetGroups, partnerId,
                offer.ExternalId, place[0], place[1], offer.Capacity, offer.PriceCents, Text(offer.SignUpDeadline.ToDateTime()), startsAt, now);
            var courseId = await course.ExecuteScalarAsync();
            Bind(session, courseId, startsAt, Text(offer.Sessions[0].EndsAt.ToDateTime()), offer.Sessions[0].Room);
            await session.ExecuteNonQueryAsync();
            foreach (var code in offer.Topics)
            {
                Bind(topic, courseId, topics[code]);
                await topic.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task CopyDatabaseAsync(string source, string target)
    {
        await using var connection = new SqliteConnection($"Data Source={source}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Dictionary<string, string>> LookupAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = reader.GetValue(1).ToString()!;
        }

        return rows;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var index = 1; index <= parameters; index++)
        {
            command.Parameters.Add(new SqliteParameter($"${index}", null));
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var index = 0; index < values.Length; index++)
        {
            command.Parameters[index].Value = values[index] ?? DBNull.Value;
        }
    }

    private static string Text(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
