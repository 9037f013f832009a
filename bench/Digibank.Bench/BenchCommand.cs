namespace Digibank.Bench;

public static class BenchCommand
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "catalogue" => await CatalogueBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
        "ingest" => await IngestBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1)), offerCount: 100_000),
        "subscriptions" => await SubscriptionBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1)), subscribers: 1_000, events: 50),
        "signups" => await SignUpLatencyBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1)), uploadSize: 4_000),
        "signups-upload" => await SignUpUploadBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1)), uploadSize: 4_000),
        "signups-snapshot" => await SnapshotSignUpLatencyBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1)), offerCount: 100_000),
        "notifications" => await NotificationBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))) is 0
            ? await NotificationDeliveryBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1)))
            : 1,
        "helpfor" => await HelpForBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
        "flanders" => await FlandersBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
        "counter-today" => await CounterTodayBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage: dotnet run -c Release --project bench/Digibank.Bench -- <benchmark> [--seconds N] [--concurrency N] [--rounds N] [--record]

              catalogue   requests per second of a page of 20 courses through GraphQL, against the plain JSON endpoint
              ingest      100,000 course offers through the gRPC upload into SQLite, against a raw prepared-statement insert
              subscriptions  1,000 WebSocket subscribers: committed change to the last subscriber's next, against a raw broadcast (--runs N: N runs, each recorded)
              signups     residents' sign-up latency with no upload running and during a 4,000-sign-up partner upload
              signups-upload  a partner's 4,000 sign-ups for one course of 25 seats in one upload, against an upload of 400
              signups-snapshot  residents' sign-up latency during a partner's 100,000-offer snapshot (100,000 created, 100,000 withdrawn)
              helpfor     helpFor's rate and latency under 100 concurrent clients, as a ratio of a courses(first: 20) page's (goal ≥ 1.0)
              flanders    a simulated Flanders on PostgreSQL (100 regions, 10,000 courses, 200,000 past sign-ups) against the demo region
                          alone: course pages, reach figures, the admin's overview, SQL statements, 100 regions' dashboards
                          (--postgresql "<role that may create databases>"; --scale 0.05 for a small one; --connection "<db>" to use
                          a generated one; with --generate --connection "<empty db>" it only generates)
              counter-today  the counter's Vandaag page of a busy help point (50 loans, 20 lessons, 30 calls) for 20 signed-in staff at once:
                          server time p50/p95 (goal p95 ≤ 100 ms) against a quiet help point's, the page's size, SQL statements per request
              notifications  1,000 sign-ups and a withdrawal with 1,000 participants: commit to last e-mail accepted, against a plain MailKit loop;
                          then the API killed in the middle of sending and started again (lost, doubled), and the next resident's
                          message after a withdrawal of 33,000 courses

              --tracing   (catalogue) GraphQL with OpenTelemetry tracing and metrics exported over OTLP, against the same without
              --record    write the result into docs/benchmarks.md
            """);
        return 2;
    }
}
