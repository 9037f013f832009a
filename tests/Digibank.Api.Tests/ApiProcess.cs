using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Digibank.Api.Testing;

/// <summary>
/// The API as a process of its own, on 127.0.0.1 and free ports, on the database its settings name: a test or benchmark
/// can kill it as the operating system would (SIGKILL, nothing runs after) and start it again on the same database.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process, Uri http) => (_process, Http) = (process, http);

    public Uri Http { get; }

    /// <summary>What the process wrote, for a test that fails to say why (the last 64 KB).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the API built beside the caller with these settings (<c>ConnectionStrings:Digibank</c> among them) and waits
    /// until it answers <c>/health/ready</c>.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var http = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = StartInfo(http, settings);
        var api = new ApiProcess(Process.Start(start)!, http);
        api._process.OutputDataReceived += (_, line) => api.Keep(line.Data);
        api._process.ErrorDataReceived += (_, line) => api.Keep(line.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        await api.UntilReadyAsync();
        return api;
    }

    /// <summary>
    /// Runs one of the API's command-line commands (<c>--add-staff …</c>) with these settings and waits for it to exit:
    /// its exit code and what it wrote to standard output and standard error.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(IReadOnlyDictionary<string, string> settings)
    {
        using var process = Process.Start(StartInfo(new Uri($"http://127.0.0.1:{FreePort()}"), settings))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(StartPatience);
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static ProcessStartInfo StartInfo(Uri http, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Digibank.Api.dll"));
        var arguments = new Dictionary<string, string>
        {
            ["contentRoot"] = Path.Combine(RepositoryRootOf(AppContext.BaseDirectory), "src", "Digibank.Api"),
            ["environment"] = "Production",
            ["Kestrel:Endpoints:Http:Url"] = http.ToString(),
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{FreePort()}",
            ["Plugins:Enabled"] = "false",
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, value) in settings)
        {
            arguments[name] = value;
        }

        foreach (var (name, value) in arguments)
        {
            start.ArgumentList.Add($"--{name}");
            start.ArgumentList.Add(value);
        }

        return start;
    }

    /// <summary>Kills the process at once, as <c>kill -9</c> does, and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private async Task UntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Http, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartPatience;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The API was not ready within {StartPatience.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > 65_536)
            {
                _output.Remove(0, _output.Length - 65_536);
            }
        }
    }

    private static string RepositoryRootOf(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Digibank.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Digibank.sln not found above the binaries.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
