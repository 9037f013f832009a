using System.Net;

namespace Digibank.Api.Tests.Dashboard;

public sealed class DashboardEndpointTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Theory]
    [InlineData("/dashboard", "text/html")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    public async Task The_page_and_its_files_are_served_with_a_policy_that_allows_nothing_from_elsewhere(string path, string mediaType)
    {
        using var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("no-referrer", string.Join(' ', response.Headers.GetValues("Referrer-Policy")));
        var text = await response.Content.ReadAsStringAsync();
        // Nothing is loaded from another host: no absolute addresses in links, scripts, styles or requests.
        Assert.DoesNotMatch("""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//|@import|fetch\(\s*["'`]https?:""", text);
    }

    [Fact]
    public async Task An_unknown_file_is_not_found()
    {
        using var response = await api.CreateClient().GetAsync("/dashboard/secrets.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
