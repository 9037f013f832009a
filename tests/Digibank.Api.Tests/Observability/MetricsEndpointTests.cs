using System.Net;
using System.Net.Http.Headers;
using Digibank.Api.Tests.GraphQL.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Observability;

public sealed class MetricsEndpointTests
{
    private const string ScrapeToken = "scrape-token-for-the-tests";

    [Fact]
    public async Task On_loopback_the_scrape_is_Prometheus_text_with_the_operation_durations()
    {
        await using var api = new LoopbackApiFactory();
        var client = api.CreateLoopbackGraphQLClient();
        await client.QueryAsync("query ScrapedCatalogue { courses(first: 1) { nodes { id } } }");

        using var response = await client.Http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(text.Split('\n'), line => line.StartsWith("digibank_graphql_operation_duration", StringComparison.Ordinal)
            && line.Contains("graphql_operation_name=\"ScrapedCatalogue\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task From_another_address_the_scrape_needs_the_token()
    {
        await using var api = new Api(IPAddress.Parse("203.0.113.7"));
        var http = api.CreateClient();

        using var withoutToken = await http.GetAsync("/metrics");
        using var wrongToken = await SendAsync(http, "not-the-token");
        using var withToken = await SendAsync(http, ScrapeToken);

        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Contains("# TYPE", await withToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_without_an_address_is_not_taken_for_loopback()
    {
        // The in-memory test server has no remote address, as a Unix socket behind a proxy would not.
        await using var api = new Api(remoteAddress: null);
        var http = api.CreateClient();

        using var withoutToken = await http.GetAsync("/metrics");
        using var withToken = await SendAsync(http, ScrapeToken);

        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    /// <summary>The API behind the in-memory test server, its callers appearing to come from <paramref name="remoteAddress"/>.</summary>
    private sealed class Api(IPAddress? remoteAddress) : DigibankApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Metrics:ScrapeToken", ScrapeToken);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress(remoteAddress)));
        }
    }

    private sealed class RemoteAddress(IPAddress? address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = address;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
