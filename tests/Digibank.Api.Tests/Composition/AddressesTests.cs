using Digibank.Api.Tests.GraphQL.Transport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Digibank.Api.Tests.Composition;

public sealed class AddressesTests
{
    [Fact]
    public async Task The_start_up_line_names_each_endpoint_for_what_it_serves()
    {
        await using var api = new KestrelApi();
        using var http = new HttpClient { BaseAddress = api.Http };

        var welcome = await http.GetStringAsync("/");

        var ready = Assert.Single(api.Log.Lines, line => line.Contains("Digibank is ready", StringComparison.Ordinal));
        Assert.Contains($"GraphQL (HTTP and WebSocket) at {Trim(api.Http)}/graphql;", ready, StringComparison.Ordinal);
        Assert.Contains($"the live dashboard at {Trim(api.Http)}/dashboard;", ready, StringComparison.Ordinal);
        Assert.Contains($"gRPC for partner plug-ins (HTTP/2 only, no GraphQL) at {Trim(api.Grpc)}", ready, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Trim(api.Grpc)}/graphql", ready, StringComparison.Ordinal);
        Assert.Contains($"{Trim(api.Http)}/graphql", welcome, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Trim(api.Grpc)}/graphql", welcome, StringComparison.Ordinal);
    }

    private static string Trim(Uri address) => address.ToString().TrimEnd('/');

    private sealed class KestrelApi : DigibankApiFactory
    {
        public KestrelApi()
        {
            UseKestrel();
            StartServer();
        }

        public LogCollector Log { get; } = new(LogLevel.Information);

        public Uri Http { get; } = new($"http://127.0.0.1:{LoopbackApiFactory.FreePort()}");

        public Uri Grpc { get; } = new($"http://127.0.0.1:{LoopbackApiFactory.FreePort()}");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kestrel:Endpoints:Http:Url", Http.ToString());
            builder.UseSetting("Kestrel:Endpoints:Grpc:Url", Grpc.ToString());
            builder.ConfigureLogging(logging => logging.AddProvider(Log));
        }
    }
}
