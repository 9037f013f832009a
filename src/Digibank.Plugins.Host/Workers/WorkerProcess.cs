using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Digibank.Plugins.Host.Workers;

/// <summary>What a worker is asked to do, and the limits it is held to.</summary>
/// <param name="Describe">Only load the plug-in and say which partner it is for; otherwise run it once.</param>
/// <param name="CodeFolder">The shadow copy the worker loads the plug-in from.</param>
/// <param name="DataFolder">The plug-in's own folder, for its files and the host's cursor.</param>
/// <param name="TempFolder">The worker's temp folder (TMPDIR, TMP, TEMP): made for this worker, removed when it ends.</param>
/// <param name="Api">The API's address the plug-in's run talks to.</param>
/// <param name="PartnerKey">The partner's key, when the run is for a partner the host knows.</param>
/// <param name="Limits">What the worker may use before it is killed.</param>
internal sealed record WorkerRequest(bool Describe, string CodeFolder, string DataFolder, string TempFolder, Uri Api, string? PartnerKey, WorkerLimits Limits);

/// <summary>A worker is killed when it runs longer than <paramref name="Deadline"/>, uses more processor time than <paramref name="CpuBudget"/> or more memory than <paramref name="MemoryBytes"/>.</summary>
internal sealed record WorkerLimits(TimeSpan Deadline, TimeSpan CpuBudget, long MemoryBytes);

/// <summary>How a worker ended: with what it said, or, when it said nothing to the end, why.</summary>
/// <param name="Description">The worker's <see cref="WorkerEvent.Loaded"/> or <see cref="WorkerEvent.LoadFailed"/> message.</param>
/// <param name="Result">The run's result, when the worker got that far.</param>
/// <param name="Failure">Why there is no result: the limit it passed, or how it crashed.</param>
/// <param name="PassedDeadline">Killed because it ran longer than its deadline.</param>
internal sealed record WorkerOutcome(WorkerMessage? Description, WorkerRunResult? Result, string? Failure, bool PassedDeadline);

/// <summary>
/// The supervisor's side of one worker process: starts it, reads its channel, holds it to its limits and kills it
/// (with anything it started) when it passes one. Nothing the plug-in does in there can reach this process.
/// </summary>
internal static class WorkerProcess
{
    // The runtime's own heap, code and stacks, beyond what the GC heap limit covers.
    internal const long RuntimeOverheadBytes = 128L * 1024 * 1024;

    private const int StandardErrorKept = 8 * 1024;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(2);
    private static readonly Lazy<string> DotnetHost = new(FindDotnetHost);

    // Path.GetTempPath() reads TMPDIR on Unix, TMP then TEMP on Windows; child processes of the plug-in read the same.
    private static readonly string[] TempVariables = ["TMPDIR", "TMP", "TEMP"];

    private static readonly HashSet<string> PassedOnVariables = new(
        [
            "PATH", "HOME", "USER", "LANG", "LANGUAGE", "TZ", "SYSTEMROOT", "WINDIR", "COMSPEC",
            "USERPROFILE", "LOCALAPPDATA", "APPDATA", "PROGRAMDATA", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
        ],
        OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    public static async Task<WorkerOutcome> RunAsync(WorkerRequest request, ILogger pluginLogger, Action<int>? started, CancellationToken stopping)
    {
        // Whatever the plug-in leaves in its temp folder (an unpacked export, a partner SDK's cache) goes with the
        // worker, however the run ended; a host that is killed meanwhile leaves it in its shadow copies, which the
        // next start-up removes.
        Directory.CreateDirectory(request.TempFolder);
        try
        {
            return await SuperviseAsync(request, pluginLogger, started, stopping);
        }
        finally
        {
            PluginHost.TryDeleteDirectory(request.TempFolder);
        }
    }

    private static async Task<WorkerOutcome> SuperviseAsync(WorkerRequest request, ILogger pluginLogger, Action<int>? started, CancellationToken stopping)
    {
        using var process = new Process { StartInfo = StartInfo(request) };
        process.Start();
        started?.Invoke(process.Id);
        var clock = Stopwatch.StartNew();

        WorkerMessage? description = null;
        WorkerRunResult? result = null;
        var channel = Task.Run(() => ReadChannelAsync(process.StandardOutput.BaseStream, message =>
        {
            switch (message.Event)
            {
                case WorkerEvent.Loaded or WorkerEvent.LoadFailed:
                    description = message;
                    break;
                case WorkerEvent.Result:
                    result = message.Result;
                    break;
                case WorkerEvent.Log:
                    pluginLogger.Log(ToLogLevel(message.Level), "{PluginMessage}", message.Message);
                    break;
            }
        }), CancellationToken.None);
        var standardError = new StringBuilder();
        var errors = Task.Run(() => KeepStartAsync(process.StandardError, standardError), CancellationToken.None);

        string? limitPassed = null;
        var passedDeadline = false;
        try
        {
            while (!await ExitedWithinAsync(process, PollInterval, stopping))
            {
                limitPassed = LimitPassed(process, clock.Elapsed, request.Limits, out passedDeadline);
                if (limitPassed is not null)
                {
                    Kill(process);
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
        finally
        {
            // After a kill the pipes close at once; a grandchild holding them open is not waited for.
            await Task.WhenAll(channel, errors, process.WaitForExitAsync(CancellationToken.None)).WaitAsync(DrainWait, CancellationToken.None).ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        if (result is not null || (request.Describe && description is not null))
            return new WorkerOutcome(description, result, null, false);
        return new WorkerOutcome(description, null, limitPassed ?? Crashed(process, standardError), passedDeadline);
    }

    private static ProcessStartInfo StartInfo(WorkerRequest request)
    {
        var start = new ProcessStartInfo(DotnetHost.Value)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = request.DataFolder,
        };
        foreach (var argument in new[]
        {
            typeof(PluginWorker).Assembly.Location, PluginWorker.Command, request.Describe ? "describe" : "run",
            "--code", request.CodeFolder, "--data", request.DataFolder, "--api", request.Api.ToString(),
        })
            start.ArgumentList.Add(argument);
        // The host's environment may hold its secrets (the API's signing key, a connection string, other partners'
        // keys): the worker gets only what a process needs to run, and its own partner's key.
        start.Environment.Clear();
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(entry => ((string)entry.Key, (string?)entry.Value)))
        {
            if (PassedOn(name))
                start.Environment[name] = value;
        }

        // The GC throws OutOfMemoryException at the limit, so a leaking plug-in fails its own run with a clear reason.
        start.Environment["DOTNET_GCHeapHardLimit"] = $"0x{request.Limits.MemoryBytes:X}";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var variable in TempVariables)
            start.Environment[variable] = request.TempFolder;
        if (request.PartnerKey is not null)
            start.Environment[PluginWorker.KeyVariable] = request.PartnerKey;
        return start;
    }

    private static bool PassedOn(string variable) =>
        PassedOnVariables.Contains(variable)
        || variable.StartsWith("LC_", StringComparison.Ordinal)
        || variable.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase)
        || variable.StartsWith("SSL_CERT_", StringComparison.Ordinal);

    private static async Task<bool> ExitedWithinAsync(Process process, TimeSpan wait, CancellationToken stopping)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timer.CancelAfter(wait);
        try
        {
            await process.WaitForExitAsync(timer.Token);
            return true;
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string? LimitPassed(Process process, TimeSpan elapsed, WorkerLimits limits, out bool passedDeadline)
    {
        passedDeadline = elapsed > limits.Deadline;
        if (passedDeadline)
            return $"The worker process did not finish within {limits.Deadline.TotalSeconds:0.#} s and was stopped.";
        try
        {
            process.Refresh();
            if (process.TotalProcessorTime > limits.CpuBudget)
                return $"The worker process used more than its {limits.CpuBudget.TotalSeconds:0.#} s of processor time and was stopped.";
            if (process.WorkingSet64 > limits.MemoryBytes + RuntimeOverheadBytes)
                return $"The worker process used more than its memory limit of {limits.MemoryBytes / (1024 * 1024)} MB and was stopped.";
        }
        catch (InvalidOperationException)
        {
            // It exited between the wait and the look.
        }

        return null;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    /// <summary>The runtime's own words when an exception nobody caught ended the process, without its stack trace.</summary>
    private static string Crashed(Process process, StringBuilder standardError)
    {
        var exitCode = process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
        string tail;
        lock (standardError)
            tail = standardError.ToString();
        var lines = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cause = lines.FirstOrDefault(line => line.StartsWith("Unhandled exception.", StringComparison.Ordinal))
            ?? lines.LastOrDefault(line => !line.StartsWith("at ", StringComparison.Ordinal));
        var reason = $"The worker process ended without finishing its run (exit code {exitCode})";
        if (cause is not null)
            reason += $": {(cause.Length <= 500 ? cause : cause[..500])}";
        return reason;
    }

    private static async Task ReadChannelAsync(Stream output, Action<WorkerMessage> received)
    {
        var buffer = new byte[16 * 1024];
        var line = new MemoryStream();
        var overlong = false;
        int read;
        while ((read = await output.ReadAsync(buffer)) > 0)
        {
            var start = 0;
            for (var index = 0; index < read; index++)
            {
                if (buffer[index] != (byte)'\n')
                    continue;
                Append(buffer.AsSpan(start, index - start));
                if (!overlong && WorkerMessage.Parse(Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length)) is { } message)
                    received(message);
                line.SetLength(0);
                overlong = false;
                start = index + 1;
            }

            Append(buffer.AsSpan(start, read - start));
        }

        // Only what fits in a line is kept: anything longer is not the worker's and is dropped as it comes.
        void Append(ReadOnlySpan<byte> bytes)
        {
            if (overlong)
                return;
            if (line.Length + bytes.Length > WorkerMessage.MaxLineLength)
            {
                overlong = true;
                line.SetLength(0);
                return;
            }

            line.Write(bytes);
        }
    }

    private static async Task KeepStartAsync(StreamReader error, StringBuilder tail)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await error.ReadAsync(buffer)) > 0)
        {
            lock (tail)
            {
                // The worker relays the plug-in's own console output; what is left here is the runtime's crash report,
                // whose start names the exception.
                if (tail.Length < StandardErrorKept)
                    tail.Append(buffer, 0, Math.Min(read, StandardErrorKept - tail.Length));
            }
        }
    }

    private static LogLevel ToLogLevel(WorkerLogLevel? level) => level switch
    {
        WorkerLogLevel.Warning => LogLevel.Warning,
        WorkerLogLevel.Error => LogLevel.Error,
        _ => LogLevel.Information,
    };

    /// <summary>The <c>dotnet</c> that runs this process, so a worker runs on the same runtime.</summary>
    private static string FindDotnetHost()
    {
        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
            return processPath;
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        if (File.Exists(Path.Combine(root, executable)))
            return Path.Combine(root, executable);
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return File.Exists(fromSdk) ? fromSdk : executable;
    }
}
