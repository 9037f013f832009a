using System.Globalization;

namespace Digibank.Bench;

public sealed record BenchOptions(TimeSpan RoundDuration, int Concurrency, int Rounds, bool Record, string? PostgreSql = null, bool AcrossInstances = false, bool Tracing = false, int Runs = 1,
    double Scale = 1, string? Connection = null, bool Generate = false)
{
    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var options = new BenchOptions(TimeSpan.FromSeconds(8), 16, 3, false);
        using var arg = args.GetEnumerator();
        while (arg.MoveNext())
        {
            options = arg.Current switch
            {
                "--seconds" when arg.MoveNext() => options with { RoundDuration = TimeSpan.FromSeconds(int.Parse(arg.Current, CultureInfo.InvariantCulture)) },
                "--concurrency" when arg.MoveNext() => options with { Concurrency = int.Parse(arg.Current, CultureInfo.InvariantCulture) },
                "--rounds" when arg.MoveNext() => options with { Rounds = int.Parse(arg.Current, CultureInfo.InvariantCulture) },
                "--record" => options with { Record = true },
                "--postgresql" when arg.MoveNext() => options with { PostgreSql = arg.Current },
                "--across-instances" => options with { AcrossInstances = true },
                "--tracing" => options with { Tracing = true },
                "--runs" when arg.MoveNext() => options with { Runs = int.Parse(arg.Current, CultureInfo.InvariantCulture) },
                "--scale" when arg.MoveNext() => options with { Scale = double.Parse(arg.Current, CultureInfo.InvariantCulture) },
                "--connection" when arg.MoveNext() => options with { Connection = arg.Current },
                "--generate" => options with { Generate = true },
                var unknown => throw new ArgumentException($"Unknown option {unknown}"),
            };
        }

        return options;
    }
}
