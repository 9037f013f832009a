using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digibank.Api.Tests.Notifications;

/// <summary>A generic HTTP SMS gateway on 127.0.0.1: it keeps every message it accepts, and refuses them all while <see cref="Refuse"/> is set.</summary>
public sealed class SmsTestGateway : IAsyncDisposable
{
    public const string UserName = "digibank";
    public const string Password = "gateway-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TextMessage> _received = new();

    public SmsTestGateway()
    {
        // Not the API's settings (its Kestrel endpoints) from the test's folder: only a port of its own on 127.0.0.1.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() });
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/messages", async (HttpRequest request) =>
        {
            var expected = $"Basic {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{UserName}:{Password}"))}";
            if (request.Headers.Authorization != expected)
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            if (Refuse)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            var body = await JsonNode.ParseAsync(request.Body);
            _received.Enqueue(new TextMessage((string)body!["to"]!, (string)body["from"]!, (string)body["text"]!));
            return Results.Json(new { status = "queued" });
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Url = $"{_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(address => address.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))}/messages";
    }

    public string Url { get; }

    public volatile bool Refuse;

    public IReadOnlyList<TextMessage> To(string phoneNumber) => [.. _received.Where(message => message.To == phoneNumber)];

    private int _disposed;

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? _app.DisposeAsync() : ValueTask.CompletedTask;

    public sealed record TextMessage(string To, string From, string Text);
}
