using Microsoft.Extensions.Logging;

namespace Digibank.Plugins.Host.Workers;

/// <summary>
/// The worker process: loads one plug-in from its shadow copy, and either only says which partner it is
/// for (<c>describe</c>) or runs it once against the API with the partner's key (<c>run</c>). Whatever the plug-in
/// does to this process (an exception on a thread of its own, a spin, a leak) ends here, not in the host.
/// </summary>
internal static class PluginWorker
{
    public const string Command = "worker";
    public const string KeyVariable = "DIGIBANK_WORKER_PARTNER_KEY";

    private const int ParentGoneExitCode = 3;

    /// <summary><c>worker describe|run --code &lt;shadow folder&gt; --data &lt;plug-in folder&gt; --api &lt;address&gt;</c></summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var channel = new WorkerChannel(Console.OpenStandardOutput());
        // Whatever the plug-in prints becomes log lines: the real standard output carries only the channel, and
        // standard error only what the runtime says when the process dies.
        Console.SetOut(new ConsoleRelay(channel, WorkerLogLevel.Information));
        Console.SetError(new ConsoleRelay(channel, WorkerLogLevel.Warning));
        ExitWhenTheSupervisorIsGone();

        if (args.Length < 2 || args[0] != Command || !TryReadArguments(args[2..], out var code, out var data, out var api))
        {
            channel.Send(new WorkerMessage(WorkerEvent.LoadFailed, Error: "Usage: worker describe|run --code <folder> --data <folder> --api <address>"));
            return 2;
        }

        var describeOnly = args[1] == "describe";
        var logger = new WorkerLogger(channel);
        LoadedPlugin plugin;
        try
        {
            plugin = await LoadedPlugin.LoadAsync(code, data, CancellationToken.None);
        }
        catch (PluginLoadException exception)
        {
            channel.Send(new WorkerMessage(WorkerEvent.LoadFailed, exception.PartnerCode, exception.Message));
            return 0;
        }

        channel.Send(new WorkerMessage(WorkerEvent.Loaded, plugin.PartnerCode));
        if (describeOnly)
            return Exit(0);

        var key = Environment.GetEnvironmentVariable(KeyVariable) ?? string.Empty;
        using var syncApi = new PartnerSyncApi(new PluginHostOptions { ApiAddress = api });
        var result = await new SyncRun(plugin, syncApi, new FixedPartnerKey(key), logger).ExecuteAsync(CancellationToken.None);
        channel.Send(new WorkerMessage(WorkerEvent.Result, plugin.PartnerCode, Result: result));
        return Exit(0);
    }

    // Not a return from Main: a plug-in's foreground thread would keep the process alive.
    private static int Exit(int code)
    {
        Console.Out.Flush();
        Environment.Exit(code);
        return code;
    }

    // The supervisor holds the other end of standard input; when it closes (the host stopped or was killed),
    // nobody is waiting for this run any more.
    private static void ExitWhenTheSupervisorIsGone()
    {
        var thread = new Thread(() =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[64];
            try
            {
                while (input.Read(buffer, 0, buffer.Length) > 0)
                {
                }
            }
            catch (IOException)
            {
            }

            Environment.Exit(ParentGoneExitCode);
        })
        {
            IsBackground = true,
            Name = "supervisor watch",
        };
        thread.Start();
    }

    private static bool TryReadArguments(string[] args, out string code, out string data, out Uri api)
    {
        (code, data, api) = (string.Empty, string.Empty, null!);
        for (var index = 0; index + 1 < args.Length; index += 2)
        {
            switch (args[index])
            {
                case "--code":
                    code = args[index + 1];
                    break;
                case "--data":
                    data = args[index + 1];
                    break;
                case "--api" when Uri.TryCreate(args[index + 1], UriKind.Absolute, out var address):
                    api = address;
                    break;
            }
        }

        return code.Length > 0 && data.Length > 0 && api is not null;
    }
}

/// <summary>The one partner's key a worker was given.</summary>
internal sealed class FixedPartnerKey(string key) : IPartnerKeySource
{
    public Task<string> GetKeyAsync(string partnerCode, CancellationToken cancellationToken) => Task.FromResult(key);
}

/// <summary>The worker's end of the channel: one JSON line per message, written whole, from any thread.</summary>
internal sealed class WorkerChannel(Stream output)
{
    // A chatty plug-in must not flood the host's log: beyond this, log lines of the run are dropped.
    private const int MaxLogLines = 1_000;
    private const int MaxMessageLength = 2_000;

    private readonly StreamWriter _writer = new(output) { AutoFlush = true };
    private readonly Lock _lock = new();
    private int _logLines;

    public void Send(WorkerMessage message)
    {
        var line = message.ToLine();
        lock (_lock)
            _writer.WriteLine(line);
    }

    public void Log(WorkerLogLevel level, string message)
    {
        var count = Interlocked.Increment(ref _logLines);
        if (count > MaxLogLines + 1)
            return;
        if (count == MaxLogLines + 1)
            (level, message) = (WorkerLogLevel.Warning, $"More than {MaxLogLines} log messages in one run; the rest are left out.");
        Send(new WorkerMessage(WorkerEvent.Log, Level: level, Message: message.Length <= MaxMessageLength ? message : message[..MaxMessageLength]));
    }
}

/// <summary>The host's and the plug-in's log messages of a worker, sent to the supervisor, which logs them under the plug-in.</summary>
internal sealed class WorkerLogger(WorkerChannel channel) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        var level = logLevel switch
        {
            LogLevel.Information => WorkerLogLevel.Information,
            LogLevel.Warning => WorkerLogLevel.Warning,
            _ => WorkerLogLevel.Error,
        };
        channel.Log(level, formatter(state, exception));
    }
}

/// <summary>Turns what a plug-in writes to the console into log lines, so it cannot garble the channel.</summary>
internal sealed class ConsoleRelay(WorkerChannel channel, WorkerLogLevel level) : TextWriter
{
    private const int MaxLineLength = 2_000;
    private readonly System.Text.StringBuilder _line = new();

    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_line)
        {
            if (value == '\n')
            {
                Flush();
                return;
            }

            if (value != '\r' && _line.Length < MaxLineLength)
                _line.Append(value);
        }
    }

    public override void Flush()
    {
        lock (_line)
        {
            if (_line.Length == 0)
                return;
            channel.Log(level, _line.ToString());
            _line.Clear();
        }
    }
}
