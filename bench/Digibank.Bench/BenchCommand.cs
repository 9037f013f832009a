namespace Digibank.Bench;

public static class BenchCommand
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "catalogue" => await CatalogueBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1))),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage: dotnet run -c Release --project bench/Digibank.Bench -- <benchmark> [--seconds N] [--concurrency N] [--rounds N] [--record]

              catalogue   requests per second of a page of 20 courses through GraphQL, against the plain JSON endpoint

              --record    write the result into docs/benchmarks.md
            """);
        return 2;
    }
}
