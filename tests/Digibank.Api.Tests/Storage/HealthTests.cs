using System.Net;
using System.Text.Json.Nodes;

namespace Digibank.Api.Tests.Storage;

public sealed class HealthTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public async Task Live_says_only_that_the_process_answers_and_ready_names_the_database()
    {
        var client = api.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("""{"status":"Healthy","checks":{}}""", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)report["status"]);
        Assert.Equal("SQLite answers.", (string?)report["checks"]!["database"]!["description"]);
        Assert.Null(report["checks"]!["redis"]);
    }
}
