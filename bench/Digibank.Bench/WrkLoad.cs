using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Digibank.Bench;

/// <summary>One kind of request a load generator repeats.</summary>
public sealed record LoadRequest(HttpMethod Method, string PathAndQuery, string? JsonBody = null, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>What the server did during one round: requests per second, and its own CPU time and allocations per request.</summary>
public sealed record RoundResult(double RequestsPerSecond, long Requests, double CpuMicrosecondsPerRequest, double AllocatedBytesPerRequest);

/// <summary>
/// Load from <c>wrk</c> (Debian's package), a process of its own, so the client's work is not the server's: the
/// server's CPU time and allocations per request are then its own. Bounded in time, on the loopback address only.
/// Without wrk the benchmark falls back to <see cref="LoadLoop"/> in this process, and says so.
/// </summary>
public static partial class WrkLoad
{
    public static bool IsInstalled => File.Exists("/usr/bin/wrk");

    public static async Task<RoundResult> RunAsync(Uri server, LoadRequest request, int connections, TimeSpan duration)
    {
        if (!server.IsLoopback)
        {
            throw new InvalidOperationException("Load goes to the loopback address only.");
        }

        var script = Path.Combine(Path.GetTempPath(), $"digibank-wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, LuaFor(request));
        try
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            using var wrk = Process.Start(new ProcessStartInfo("/usr/bin/wrk",
                ["-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "-s", script, new Uri(server, request.PathAndQuery).ToString()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

            var requests = long.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            if (NonSuccessLine().Match(output) is { Success: true } failures)
            {
                throw new InvalidOperationException($"{failures.Groups[1].Value} of {requests} answers were not 2xx or 3xx:\n{output}");
            }

            var perSecond = double.Parse(RateLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            return new RoundResult(perSecond, requests, cpu.TotalMicroseconds / requests, (double)allocated / requests);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static string LuaFor(LoadRequest request)
    {
        var lua = new StringBuilder();
        lua.AppendLine($"wrk.method = \"{request.Method.Method}\"");
        if (request.JsonBody is not null)
        {
            lua.AppendLine("wrk.headers[\"Content-Type\"] = \"application/json\"");
            lua.AppendLine($"wrk.body = \"{Escape(request.JsonBody)}\"");
        }

        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            lua.AppendLine($"wrk.headers[\"{Escape(name)}\"] = \"{Escape(value)}\"");
        }

        return lua.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessLine();
}
