using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL.TrustedDocuments;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Tests.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.GraphQL.TrustedDocuments;

/// <summary>
/// A partner site sends the id of an operation it registered instead of its text, as the GraphQL-over-HTTP
/// persisted documents convention and Apollo's automatic persisted queries do, and the public catalogue
/// answers such a GET like a web page a browser or CDN may keep.
/// </summary>
public sealed class TrustedDocumentTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private static readonly string CataloguePage = File.ReadAllText(Path.Combine(
        RepositoryRoot.Path, "src", "Digibank.Api", "trusted-documents", "digibank-website", "catalogue-page.graphql"));

    private static readonly string CataloguePageId = TrustedDocument.IdOf(CataloguePage);

    [Fact]
    public async Task An_anonymous_GET_of_a_trusted_document_is_cacheable_and_a_client_holding_the_answer_gets_304()
    {
        using var http = api.CreateClient();

        using var first = await http.GetAsync($"/graphql?documentId={CataloguePageId}");
        var etag = first.Headers.ETag;
        using var again = await SendAsync(http, HttpMethod.Get, $"/graphql?documentId={CataloguePageId}", ifNoneMatch: etag?.Tag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(20, (await first.Content.ReadFromJsonAsync<JsonObject>())!["data"]!["courses"]!["nodes"]!.AsArray().Count);
        Assert.True(first.Headers.CacheControl is { Public: true, MaxAge: not null }, $"Cache-Control: {first.Headers.CacheControl}");
        Assert.NotNull(etag);
        Assert.Contains("Accept", first.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
    }

    [Fact]
    public async Task When_the_catalogue_changes_the_old_ETag_no_longer_matches_and_the_new_answer_comes()
    {
        using var http = api.CreateClient();
        using var before = await http.GetAsync($"/graphql?documentId={CataloguePageId}");
        var firstTitle = (string)(await before.Content.ReadFromJsonAsync<JsonObject>())!["data"]!["courses"]!["nodes"]![0]!["title"]!;
        await RenameAsync(firstTitle, firstTitle + " (nieuw)");
        try
        {
            using var after = await SendAsync(http, HttpMethod.Get, $"/graphql?documentId={CataloguePageId}", ifNoneMatch: before.Headers.ETag!.Tag);

            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
            Assert.Equal(firstTitle + " (nieuw)", (string?)(await after.Content.ReadFromJsonAsync<JsonObject>())!["data"]!["courses"]!["nodes"]![0]!["title"]);
        }
        finally
        {
            await RenameAsync(firstTitle + " (nieuw)", firstTitle);
        }
    }

    [Fact]
    public async Task Answers_that_are_not_public_are_never_cacheable()
    {
        var staff = api.CreateStaffClient(StaffRole.Coordinator).Http;
        using var anonymous = api.CreateClient();

        using var signedIn = await staff.GetAsync($"/graphql?documentId={CataloguePageId}");
        using var posted = await anonymous.PostAsJsonAsync("/graphql", new { documentId = CataloguePageId });
        using var byText = await anonymous.GetAsync($"/graphql?query={Uri.EscapeDataString(CataloguePage)}");

        foreach (var response in new[] { signedIn, posted, byText })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
            Assert.Null(response.Headers.ETag);
        }
    }

    [Theory]
    [InlineData("sha256:0000000000000000000000000000000000000000000000000000000000000000", "DOCUMENT_NOT_FOUND")]
    [InlineData("sha256:ABC", "INVALID_DOCUMENT_ID")]
    [InlineData("md5:d41d8cd98f00b204e9800998ecf8427e", "INVALID_DOCUMENT_ID")]
    public async Task An_unknown_or_malformed_document_id_is_refused_with_a_code(string documentId, string code)
    {
        var response = await api.CreateGraphQLClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?documentId={Uri.EscapeDataString(documentId)}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([code], response.ErrorCodes);
    }

    [Fact]
    public async Task A_request_with_both_a_query_and_a_document_id_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }", documentId = CataloguePageId }) };

        var response = await api.CreateGraphQLClient().SendAsync(request);

        Assert.Equal(["INVALID_REQUEST"], response.ErrorCodes);
    }

    [Fact]
    public async Task Apollo_automatic_persisted_queries_ask_for_the_text_once_then_run_by_hash()
    {
        const string Query = "query Towns { municipalities { nodes { name } } }";
        var hash = TrustedDocument.HexHashOf(Query);
        var client = api.CreateGraphQLClient();
        object Extensions(string sha256Hash) => new { persistedQuery = new { version = 1, sha256Hash } };

        var unknown = await client.SendAsync(Post(new { extensions = Extensions(hash) }));
        var registered = await client.SendAsync(Post(new { query = Query, extensions = Extensions(hash) }));
        var byHash = await client.SendAsync(Post(new { extensions = Extensions(hash) }));
        var mismatch = await client.SendAsync(Post(new { query = "{ __typename }", extensions = Extensions(hash) }));

        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], unknown.ErrorCodes);
        Assert.Equal("PersistedQueryNotFound", (string?)unknown.Errors![0]!["message"]);
        Assert.Equal(4, registered.Data!["municipalities"]!["nodes"]!.AsArray().Count);
        Assert.Equal(4, byHash.Data!["municipalities"]!["nodes"]!.AsArray().Count);
        Assert.Equal(["INVALID_REQUEST"], mismatch.ErrorCodes);
    }

    [Fact]
    public async Task The_coordinator_registers_a_sites_operations_and_only_the_coordinator_may()
    {
        const string Register = """
            mutation ($input: RegisterTrustedDocumentsInput!) { registerTrustedDocuments(input: $input) { documentIds errors { ... on Error { code } } } }
            """;
        const string SectionsOfTown = "query Sections { municipalities { nodes { name sections { name } } } }";
        var input = new { set = "ligo-website", documents = new[] { SectionsOfTown } };

        var byStaff = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").QueryAsync(Register, new { input });
        var notGraphQL = await api.CreateStaffClient(StaffRole.Coordinator).PostAsync(Register, new { input = new { set = "ligo-website", documents = new[] { "fragment F on Course { id }", "{ nope" } } });
        var registered = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Register, new { input });
        var run = await api.CreateGraphQLClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?documentId={TrustedDocument.IdOf(SectionsOfTown)}"));

        Assert.Equal("NOT_ALLOWED", (string?)byStaff["registerTrustedDocuments"]!["errors"]![0]!["code"]);
        Assert.NotEmpty(notGraphQL.Data!["registerTrustedDocuments"]!["errors"]!.AsArray());
        Assert.Equal([TrustedDocument.IdOf(SectionsOfTown)], registered["registerTrustedDocuments"]!["documentIds"]!.AsArray().Select(id => (string?)id));
        Assert.Equal(4, run.Data!["municipalities"]!["nodes"]!.AsArray().Count);
        await using var db = api.CreateDbContext();
        Assert.Equal("ligo-website", await db.TrustedDocuments.Where(d => d.Id == TrustedDocument.IdOf(SectionsOfTown)).Select(d => d.Set).SingleAsync());
    }

    [Fact]
    public async Task Documents_that_do_not_validate_against_the_schema_are_refused_each_named_and_nothing_of_the_call_is_registered()
    {
        const string Valid = "query Towns { municipalities { nodes { name postalCode } } }";
        string[] documents =
        [
            Valid,
            "query Courses { courses { nodes { title participantEmail } } }",
            "query Page { courses(first: \"ten\") { nodes { title } } }",
            "query Broken { courses { nodes { title }",
        ];
        var coordinator = api.CreateStaffClient(StaffRole.Coordinator);
        const string Register = """
            mutation ($input: RegisterTrustedDocumentsInput!) { registerTrustedDocuments(input: $input) { documentIds errors { __typename ... on Error { code message } } } }
            """;

        var refused = (await coordinator.QueryAsync(Register, new { input = new { set = "ligo-website", documents } }))["registerTrustedDocuments"]!;
        var oneOfTwo = (await coordinator.QueryAsync(Register, new { input = new { set = "ligo-website", documents = new[] { Valid, documents[1] } } }))["registerTrustedDocuments"]!;

        var errors = refused["errors"]!.AsArray();
        Assert.Null(refused["documentIds"]);
        Assert.Equal(["INVALID_DOCUMENT", "INVALID_DOCUMENT", "INVALID_DOCUMENT"], errors.Select(error => (string?)error!["code"]));
        Assert.All(errors, error => Assert.Equal("InvalidDocumentError", (string?)error!["__typename"]));
        string[] why = ["participantEmail", "first", "Expected"];
        for (var index = 1; index < documents.Length; index++)
        {
            var message = (string?)errors[index - 1]!["message"];
            Assert.Contains($"Document {index} ({TrustedDocument.IdOf(documents[index])})", message, StringComparison.Ordinal);
            Assert.True(message!.Contains(why[index - 1], StringComparison.Ordinal), message);
        }

        Assert.Null(oneOfTwo["documentIds"]);
        Assert.Equal(["INVALID_DOCUMENT"], oneOfTwo["errors"]!.AsArray().Select(error => (string?)error!["code"]));
        await using (var db = api.CreateDbContext())
        {
            Assert.False(await db.TrustedDocuments.AnyAsync(d => documents.Select(TrustedDocument.IdOf).Contains(d.Id)));
        }

        var run = await api.CreateGraphQLClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?documentId={TrustedDocument.IdOf(Valid)}"));
        Assert.Equal(["DOCUMENT_NOT_FOUND"], run.ErrorCodes);
        var typed = (await coordinator.QueryAsync(
            "mutation ($input: RegisterTrustedDocumentsInput!) { registerTrustedDocuments(input: $input) { errors { ... on InvalidDocumentError { index documentId } } } }",
            new { input = new { set = "ligo-website", documents = new[] { Valid, documents[2] } } }))["registerTrustedDocuments"]!;
        Assert.Equal(1, (int)typed["errors"]![0]!["index"]!);
        Assert.Equal(TrustedDocument.IdOf(documents[2]), (string?)typed["errors"]![0]!["documentId"]);
    }

    [Fact]
    public void A_manifest_entry_whose_id_is_not_its_documents_hash_stops_the_start_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("digibank-trusted-");
        try
        {
            var site = folder.CreateSubdirectory("vdab-site");
            File.WriteAllText(Path.Combine(site.FullName, "persisted-documents.json"), $$"""{ "{{TrustedDocument.IdOf("{ a }")}}": "{ b }" }""");
            File.WriteAllText(Path.Combine(site.FullName, "towns.graphql"), "{ municipalities { nodes { name } } }");

            var error = Assert.Throws<InvalidDataException>(() => TrustedDocumentStore.ReadFolder(folder.FullName));

            Assert.Contains("persisted-documents.json", error.Message, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(site.FullName, "persisted-documents.json"), $$"""{ "{{TrustedDocument.HexHashOf("{ b }")}}": "{ b }" }""");
            Assert.Equal(
                [(TrustedDocument.IdOf("{ b }"), "vdab-site"), (TrustedDocument.IdOf("{ municipalities { nodes { name } } }"), "vdab-site")],
                TrustedDocumentStore.ReadFolder(folder.FullName).Select(d => (d.Id, d.Set)).Order());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static HttpRequestMessage Post(object body) => new(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string url, string? ifNoneMatch)
    {
        var request = new HttpRequestMessage(method, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.ParseAdd(ifNoneMatch);
        }

        return http.SendAsync(request);
    }

    private async Task RenameAsync(string title, string newTitle)
    {
        await using var db = api.CreateDbContext();
        var course = await db.Courses.AsTracking().SingleAsync(c => c.Title == title);
        course.Title = newTitle;
        await db.SaveChangesAsync();
    }
}

/// <summary>A public deployment that answers anonymous callers only with the operations partner sites registered.</summary>
public sealed class TrustedDocumentsOnlyApiFactory : DigibankApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("TrustedDocuments:AnonymousOnly", "true");
    }
}

public sealed class TrustedDocumentsOnlyTests(TrustedDocumentsOnlyApiFactory api) : IClassFixture<TrustedDocumentsOnlyApiFactory>
{
    private const string Towns = "query Towns {\n  municipalities { nodes { name postalCode } }\n}\n";

    [Fact]
    public async Task Anonymous_callers_run_trusted_documents_only_by_id_or_by_their_exact_text()
    {
        var client = api.CreateGraphQLClient();

        var byId = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?documentId={TrustedDocument.IdOf(Towns)}"));
        var byText = await client.PostAsync(Towns);
        var other = await client.PostAsync("{ municipalities { nodes { name } } }");
        var selfRegistered = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "{ __typename }", extensions = new { persistedQuery = new { version = 1, sha256Hash = TrustedDocument.HexHashOf("{ __typename }") } } }),
        });

        Assert.Equal(4, byId.Data!["municipalities"]!["nodes"]!.AsArray().Count);
        Assert.Equal(4, byText.Data!["municipalities"]!["nodes"]!.AsArray().Count);
        Assert.Equal(["TRUSTED_DOCUMENT_REQUIRED"], other.ErrorCodes);
        Assert.Equal(["TRUSTED_DOCUMENT_REQUIRED"], selfRegistered.ErrorCodes);
    }

    [Fact]
    public async Task Over_a_WebSocket_an_anonymous_dashboard_subscribes_by_document_id_and_other_documents_get_an_error()
    {
        const string LiveSignUps = "subscription LiveSignUps { signUpChanged { kind } }";
        var coordinator = api.CreateStaffClient(StaffRole.Coordinator);
        await api.RegisterTrustedDocumentsAsync("regional-dashboard", LiveSignUps);
        var course = await TestCourses.AddAsync(api, capacity: 10);
        await using var dashboard = await GraphQLWebSocketClient.ConnectAndInitAsync(api);

        await dashboard.SendAsync(new { id = "unknown", type = "subscribe", payload = new { documentId = TrustedDocument.IdOf("subscription { nope }") } });
        var unknown = await dashboard.NextAsync("unknown", "error");
        await dashboard.SendAsync(new { id = "by-text", type = "subscribe", payload = new { query = "subscription { signUpChanged { kind summary } }" } });
        var untrusted = await dashboard.NextAsync("by-text", "error");
        await dashboard.SendAsync(new { id = "live", type = "subscribe", payload = new { documentId = TrustedDocument.IdOf(LiveSignUps) } });
        await dashboard.SendAsync(new { type = "ping" });
        while ((string?)(await dashboard.ReceiveAsync())?["type"] != "pong")
        {
        }

        await coordinator.QueryAsync(Residents.SignUpMutation, new
        {
            input = new { courseId = course, firstName = "Live", email = "live@example.com", municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true },
        });
        var next = await dashboard.NextAsync("live");

        Assert.Equal("DOCUMENT_NOT_FOUND", (string?)unknown["payload"]![0]!["extensions"]!["code"]);
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", (string?)untrusted["payload"]![0]!["extensions"]!["code"]);
        Assert.Equal("SIGN_UP", (string?)next["payload"]!["data"]!["signUpChanged"]!["kind"]);
        Assert.Equal(WebSocketState.Open, dashboard.Socket.State);
    }

    [Fact]
    public async Task An_operation_nobody_registered_is_refused_from_memory_until_the_coordinator_registers_it()
    {
        const string Unregistered = "query ThreePartners { partners(first: 3) { nodes { name } } }";
        var client = api.CreateGraphQLClient();
        Assert.Equal(["TRUSTED_DOCUMENT_REQUIRED"], (await client.PostAsync(Unregistered)).ErrorCodes);

        api.SqlStatements.Reset();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(["TRUSTED_DOCUMENT_REQUIRED"], (await client.PostAsync(Unregistered)).ErrorCodes);
        }

        var lookups = api.SqlStatements.Count;
        await api.RegisterTrustedDocumentsAsync("vdab-website", Unregistered);
        var registered = await client.PostAsync(Unregistered);

        Assert.Equal(0, lookups);
        Assert.Equal(3, registered.Data!["partners"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Staff_may_still_send_any_query()
    {
        var staff = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync("{ municipalities { nodes { name } } }");

        Assert.Equal(4, staff["municipalities"]!["nodes"]!.AsArray().Count);
    }
}

public static class TrustedDocumentRegistration
{
    /// <summary>The coordinator registers <paramref name="documents"/> as the partner site <paramref name="set"/>'s operations.</summary>
    public static Task RegisterTrustedDocumentsAsync(this DigibankApiFactory api, string set, params string[] documents) =>
        api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(
            "mutation ($input: RegisterTrustedDocumentsInput!) { registerTrustedDocuments(input: $input) { documentIds } }",
            new { input = new { set, documents } });
}
