using System.Diagnostics;

namespace Digibank.Api.Tests.Observability;

public sealed class RequestSpanTests(ObservedApiFactory api) : IClassFixture<ObservedApiFactory>
{
    [Fact]
    public async Task A_self_service_link_leaves_its_token_out_of_the_request_span()
    {
        var token = $"secret{Guid.NewGuid():N}";

        using var response = await api.CreateClient().GetAsync($"/self-service/{token}");

        var span = await api.Capture.WaitForSpanAsync(span => span.Kind == ActivityKind.Server && (span.GetTagItem("http.route") as string)?.StartsWith("/self-service/", StringComparison.Ordinal) == true);
        Assert.Equal("/self-service/{token}", span.GetTagItem("url.path"));
        Assert.DoesNotContain(api.Capture.Spans.Snapshot(), other => other.DisplayName.Contains(token, StringComparison.Ordinal)
            || other.TagObjects.Any(tag => tag.Value?.ToString()?.Contains(token, StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task The_query_string_of_a_GraphQL_GET_is_redacted_in_the_request_span()
    {
        var client = api.CreateGraphQLClient();

        await client.GetAsync("query RedactedGet($first: Int) { courses(first: $first) { nodes { id } } }", new { first = 987654 });

        var span = await api.Capture.WaitForSpanAsync(span => span.Kind == ActivityKind.Server && span.GetTagItem("url.query") is string query && query.Contains("variables", StringComparison.Ordinal));
        Assert.DoesNotContain("987654", (string)span.GetTagItem("url.query")!, StringComparison.Ordinal);
    }
}
