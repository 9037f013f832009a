using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Digibank.Api.Testing;

/// <summary>
/// A real <c>redis-server</c> (Debian's package) on 127.0.0.1 and a free port, started by a test or a benchmark and stopped
/// or started again on the same port to play an outage. Nothing is persisted.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private Process? _process;

    public RedisServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Start();
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static string? Executable => new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    public void Start()
    {
        _process = Process.Start(new ProcessStartInfo(Executable ?? throw new InvalidOperationException("redis-server is not installed."))
        {
            ArgumentList = { "--port", $"{Port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"redis-server did not listen on {Port} within 10 s.");
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();
}
