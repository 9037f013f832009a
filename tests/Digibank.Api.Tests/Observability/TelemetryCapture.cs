using System.Collections;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Digibank.Api.Tests;

/// <summary>
/// Tracing on, with the in-memory exporters beside the API's own, and every log line written by the JSON
/// console formatter (scopes included) into memory. Listeners are process-wide, so spans of other tests'
/// servers arrive too: tests pick theirs by trace id or by a name of their own.
/// </summary>
public sealed class TelemetryCapture
{
    public LockedList<Activity> Spans { get; } = new();

    public LockedList<MetricSnapshot> MetricSnapshots { get; } = new();

    public JsonLogLines Logs { get; } = new();

    /// <summary>Levels by category prefix, beside Information for everything else.</summary>
    public Dictionary<string, LogLevel> LogLevels { get; } = new(StringComparer.Ordinal);

    private IServiceProvider? _services;

    public void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("OpenTelemetry:Tracing", "true");
        builder.UseSetting("Logging:Console:FormatterName", "json");
        builder.UseSetting("Logging:Console:FormatterOptions:IncludeScopes", "true");
        builder.ConfigureServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(MetricSnapshots));
            services.AddSingleton<ILoggerProvider>(provider =>
            {
                _services = provider;
                Logs.Formatter = provider.GetServices<ConsoleFormatter>().Single(formatter => formatter.Name == ConsoleFormatterNames.Json);
                return Logs;
            });
            services.AddLogging(logging =>
            {
                logging.AddFilter<JsonLogLines>(null, LogLevel.Information);
                foreach (var (category, level) in LogLevels)
                {
                    logging.AddFilter<JsonLogLines>(category, level);
                }
            });
        });
    }

    /// <summary>Exports what the meters hold now.</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        _services!.GetRequiredService<MeterProvider>().ForceFlush();
        return MetricSnapshots.Snapshot();
    }

    /// <summary>Waits until a span matching <paramref name="match"/> has ended (a server span ends just after its response).</summary>
    public async Task<Activity> WaitForSpanAsync(Func<Activity, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Spans.Snapshot().FirstOrDefault(match) is { } span)
            {
                return span;
            }

            Assert.True(DateTime.UtcNow < deadline, "The span did not end in time.");
            await Task.Delay(20);
        }
    }

    public static IEnumerable<KeyValuePair<string, object?>> TagsOf(MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            yield return tag;
        }
    }
}

/// <summary>A list the exporters may add to from any thread while a test reads a copy.</summary>
public sealed class LockedList<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
        }
    }

    public List<T> Snapshot()
    {
        lock (_items)
        {
            return [.. _items];
        }
    }

    public void Clear()
    {
        lock (_items)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item) => Snapshot().Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

    public bool Remove(T item)
    {
        lock (_items)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Log lines exactly as the JSON console formatter writes them, scopes included.</summary>
public sealed class JsonLogLines : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public LockedList<string> Lines { get; } = new();

    internal ConsoleFormatter? Formatter { get; set; }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, JsonLogLines lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => lines._scopes?.Push(state) ?? NullScope.Instance;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            using var writer = new StringWriter();
            lines.Formatter!.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), lines._scopes, writer);
            lines.Lines.Add(writer.ToString());
        }
    }

    private sealed class NullScope : IDisposable
    {
        public static readonly NullScope Instance = new();

        public void Dispose()
        {
        }
    }
}
