using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Digibank.Api.Tests.GraphQL.Ide;

public sealed partial class GraphiQLPageTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    // What Chromium sends when a person opens an address.
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    [Fact]
    public async Task A_browser_that_opens_the_address_gets_GraphiQL_with_a_policy_that_allows_nothing_from_elsewhere()
    {
        using var response = await GetAsync("/graphql", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Equal(
            "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
            "connect-src 'self' ws://localhost/graphql; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            policy);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());

        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("""(src|href)\s*=\s*["']?(https?:)?//""", page);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        var scripts = ScriptSources().Matches(page).Select(match => match.Groups["path"].Value).ToList();
        var styles = StyleSheets().Matches(page).Select(match => match.Groups["path"].Value).ToList();
        Assert.Single(scripts);
        Assert.Single(styles);
        foreach (var (path, mediaType) in scripts.Select(path => (path, "text/javascript")).Concat(styles.Select(path => (path, "text/css"))))
        {
            Assert.StartsWith("/graphql/ide/assets/", path, StringComparison.Ordinal);
            await AssertServedForGoodAsync(path, mediaType);
        }
    }

    [Fact]
    public async Task Every_file_the_scripts_load_later_is_served_too_Monaco_workers_included()
    {
        using var page = await GetAsync("/graphql", BrowserAccept);
        var entry = ScriptSources().Match(await page.Content.ReadAsStringAsync()).Groups["path"].Value;

        var seen = new HashSet<string>(StringComparer.Ordinal) { entry };
        var toRead = new Queue<string>([entry]);
        while (toRead.TryDequeue(out var path))
        {
            var script = await AssertServedForGoodAsync(path, "text/javascript");
            foreach (var file in AssetNames().Matches(script).Select(match => match.Value))
            {
                var next = $"/graphql/ide/assets/{file}";
                if (seen.Add(next) && file.EndsWith(".js", StringComparison.Ordinal))
                {
                    toRead.Enqueue(next);
                }
            }
        }

        foreach (var worker in new[] { "editor.worker-", "json.worker-", "graphql.worker-" })
        {
            Assert.Contains(seen, path => path.Contains(worker, StringComparison.Ordinal));
        }

        Assert.True(seen.Count > 5, string.Join(", ", seen));
    }

    [Fact]
    public async Task A_file_asked_for_again_with_its_etag_is_not_sent_again_and_an_unknown_one_is_not_found()
    {
        using var page = await GetAsync("/graphql", BrowserAccept);
        var style = StyleSheets().Match(await page.Content.ReadAsStringAsync()).Groups["path"].Value;
        using var first = await GetAsync(style, "text/css,*/*;q=0.1");

        using var again = new HttpRequestMessage(HttpMethod.Get, style);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await api.CreateClient().SendAsync(again);
        using var unknown = await GetAsync("/graphql/ide/assets/secrets.json", "*/*");

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_files_of_a_first_visit_travel_compressed_to_a_browser_that_takes_Brotli_or_gzip()
    {
        using var page = await GetAsync("/graphql", BrowserAccept);
        var files = AssetNames().Matches(await page.Content.ReadAsStringAsync()).Select(match => $"/graphql/ide/assets/{match.Value}").ToList();
        var entry = await (await GetAsync(files.First(file => file.EndsWith(".js", StringComparison.Ordinal)), "*/*")).Content.ReadAsStringAsync();
        files.AddRange(AssetNames().Matches(entry).Select(match => $"/graphql/ide/assets/{match.Value}").Distinct());

        long plain = 0, brotli = 0;
        foreach (var file in files)
        {
            var (original, _, _) = await GetEncodedAsync(file, acceptEncoding: null);
            var (compressed, encoding, etag) = await GetEncodedAsync(file, "gzip, deflate, br, zstd");
            var (zipped, zipEncoding, zipEtag) = await GetEncodedAsync(file, "gzip;q=1, br;q=0");

            Assert.Equal("br", encoding);
            Assert.Equal("gzip", zipEncoding);
            Assert.Equal(original, Decode(compressed, "br"));
            Assert.Equal(original, Decode(zipped, "gzip"));
            Assert.NotEqual(etag, zipEtag);
            plain += original.Length;
            brotli += compressed.Length;
        }

        Assert.True(plain > 1_000_000 && brotli * 2 < plain, $"{files.Count} files: {plain:N0} bytes as they are, {brotli:N0} with Brotli");
    }

    [Fact]
    public async Task A_compressed_file_asked_for_again_with_its_etag_is_not_sent_again()
    {
        using var page = await GetAsync("/graphql", BrowserAccept);
        var style = StyleSheets().Match(await page.Content.ReadAsStringAsync()).Groups["path"].Value;
        var (_, _, etag) = await GetEncodedAsync(style, "br");

        using var again = new HttpRequestMessage(HttpMethod.Get, style);
        again.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        again.Headers.IfNoneMatch.Add(etag!);
        using var response = await api.CreateClient().SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task A_GET_without_a_query_from_a_client_that_does_not_ask_for_HTML_stays_a_GraphQL_answer(string? accept)
    {
        using var response = await GetAsync("/graphql", accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Only a client that names the GraphQL media type gets it; no Accept, or */*, is a JSON client (the specification's legacy rule).
        Assert.Equal(accept == "application/graphql-response+json" ? "application/graphql-response+json" : "application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = await GraphQLResponse.ReadAsync(response);
        Assert.Equal(["INVALID_REQUEST"], answer.ErrorCodes);
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData(BrowserAccept, "application/json")]
    public async Task A_GET_with_a_query_runs_it_even_from_a_browser(string accept, string answeredAs)
    {
        using var response = await GetAsync($"/graphql?query={Uri.EscapeDataString("{ courses(first: 1) { nodes { title } } }")}", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(answeredAs, response.Content.Headers.ContentType?.MediaType);
        var answer = await GraphQLResponse.ReadAsync(response);
        Assert.False(string.IsNullOrEmpty((string?)answer.Data!["courses"]!["nodes"]![0]!["title"]), answer.Pretty);
    }

    [Fact]
    public async Task A_WebSocket_that_says_it_accepts_HTML_is_still_a_GraphQL_socket()
    {
        var client = api.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        client.ConfigureRequest = request => request.Headers.Accept = BrowserAccept;

        using var socket = await client.ConnectAsync(new Uri(api.Server.BaseAddress, "graphql"), CancellationToken.None);

        Assert.Equal("graphql-transport-ws", socket.SubProtocol);
    }

    private async Task<string> AssertServedForGoodAsync(string path, string mediaType)
    {
        using var response = await GetAsync(path, "*/*");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge: { TotalDays: >= 365 } }, $"{path}: {response.Headers.CacheControl}");
        Assert.Contains("immutable", response.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await api.CreateClient().SendAsync(request);
    }

    private async Task<(byte[] Body, string? Encoding, EntityTagHeaderValue? ETag)> GetEncodedAsync(string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await api.CreateClient().SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentEncoding.SingleOrDefault(), response.Headers.ETag);
    }

    private static byte[] Decode(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private static string Header(HttpResponseMessage response, string name) => string.Join(", ", response.Headers.GetValues(name));

    [GeneratedRegex("""<script type="module" src="(?<path>[^"]+)"></script>""")]
    private static partial Regex ScriptSources();

    [GeneratedRegex("""<link rel="stylesheet" href="(?<path>[^"]+)">""")]
    private static partial Regex StyleSheets();

    // The build names each file after its content: chunk-3UP7M4LI.js, graphql.worker-EJGPCJ2V.js.
    [GeneratedRegex(@"(?<![\w.-])[\w.]+-[A-Z0-9]{8}\.(js|css)\b")]
    private static partial Regex AssetNames();
}
