using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Dashboard;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Digibank.Api.Tests.GraphQL.Ide;

/// <summary>GraphiQL at /graphql in a real browser (Debian's Chromium driven by Playwright) against the API on Kestrel.</summary>
public sealed class GraphiQLBrowserTests(DashboardApiFactory api, ITestOutputHelper output) : IClassFixture<DashboardApiFactory>, IAsyncLifetime
{
    private const float Patience = HeadlessChromium.Patience;

    private readonly ConcurrentQueue<string> _problems = new();
    private readonly HeadlessChromium _chromium = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [ChromiumFact]
    public async Task A_query_typed_into_GraphiQL_runs_against_the_API_and_its_answer_shows()
    {
        var expected = await api.CreateLoopbackGraphQLClient().QueryAsync("{ courses(first: 2) { nodes { title location { name } } } }");
        var firstCourse = expected["courses"]!["nodes"]![0]!;
        var page = await OpenGraphiQLAsync();
        await Assertions.Expect(page.Locator(".graphiql-query-editor")).ToContainTextAsync("query Courses");

        await SetQueryAsync(page, "TwoCourses", "query TwoCourses { courses(first: 2) { nodes { title location { name } } } }");
        await page.Locator(".graphiql-execute-button").ClickAsync();

        var result = page.Locator(".result-window");
        await Assertions.Expect(result).ToContainTextAsync((string)firstCourse["title"]!);
        await Assertions.Expect(result).ToContainTextAsync((string)firstCourse["location"]!["name"]!);
        await ScreenshotAsync(page, "graphiql.png");
        Assert.Empty(_problems);
    }

    [ChromiumFact]
    public async Task The_editor_completes_from_the_schema_in_a_worker_loaded_from_the_API()
    {
        // GraphiQL starts Monaco's GraphQL worker once it has read the schema; Monaco would fall back to the page's thread
        // if a worker could not load. Playwright adds workers to Page.Workers from its own thread, so the test listens for
        // the event (subscribed before the page loads) instead of reading that list while it grows.
        var graphQLWorker = $"{api.BaseAddress}graphql/ide/assets/graphql.worker-";
        var workerStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = await NewPageAsync();
        page.Worker += (_, worker) =>
        {
            if (worker.Url.StartsWith(graphQLWorker, StringComparison.Ordinal))
            {
                workerStarted.TrySetResult();
            }
        };
        await GoToGraphiQLAsync(page);

        await workerStarted.Task.WaitAsync(TimeSpan.FromMilliseconds(Patience));
        await SetEditorTextAsync(page, page.Locator(".graphiql-query-editor .monaco-editor"), "{ cour");
        await page.Keyboard.PressAsync("Control+Space");

        await Assertions.Expect(page.Locator(".graphiql-query-editor .suggest-widget")).ToContainTextAsync("CourseConnection!");
        Assert.Empty(_problems);
    }

    [ChromiumFact]
    public async Task A_subscription_run_from_GraphiQL_sends_the_staff_token_from_the_headers_over_the_socket_and_shows_the_events()
    {
        var token = api.MintCoordinatorToken();
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var page = await NewPageAsync();
        var initPayloads = new ConcurrentQueue<JsonNode?>();
        var subscribed = await HeadlessChromium.PassGraphQLSocketThroughAsync(page, message =>
        {
            if ((string?)message["type"] == "connection_init")
            {
                initPayloads.Enqueue(message["payload"]?.DeepClone());
            }
        });
        await GoToGraphiQLAsync(page);

        await page.GetByText("Headers", new() { Exact = true }).ClickAsync();
        await SetEditorTextAsync(page, page.Locator(".graphiql-editor-tool .monaco-editor").Last, $$"""{"Authorization": "Bearer {{token}}"}""");
        await SetQueryAsync(page, "Live", "subscription Live { dashboardEvents { kind course { id title } } }");
        await page.Locator(".graphiql-execute-button").ClickAsync();
        await subscribed.WaitAsync(TimeSpan.FromMilliseconds(Patience));

        Assert.Equal($"Bearer {token}", (string?)Assert.Single(initPayloads)?["authorization"]);
        await SignUpAsync(course);
        var result = page.Locator(".result-window");
        // GraphiQL shows the latest event: the sign-up, or the change in free seats that follows it.
        await Assertions.Expect(result).ToContainTextAsync(course);
        await Assertions.Expect(result).ToContainTextAsync("dashboardEvents");
        await ScreenshotAsync(page, "graphiql-subscription.png");
        Assert.Empty(_problems);
    }

    private async Task SignUpAsync(string courseId)
    {
        var resident = api.CreateLoopbackGraphQLClient();
        var data = await resident.QueryAsync(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { errors { ... on Error { code } } } }",
            new
            {
                input = new
                {
                    courseId,
                    firstName = "Maria",
                    email = "maria@example.com",
                    municipalityId = await TestCourses.MunicipalityIdAsync(api),
                    targetGroup = "SENIORS",
                    consent = true,
                },
            });
        Assert.Empty(data["signUpForCourse"]!["errors"]!.AsArray());
    }

    /// <summary>Replaces what a Monaco editor holds, as pasting would: typed brackets would be closed a second time by the editor.</summary>
    private static async Task SetEditorTextAsync(IPage page, ILocator editor, string text)
    {
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(text);
    }

    /// <summary>
    /// GraphiQL reads the operation's name from the editor a moment after a change; a run before that would ask for the
    /// previous name. The tab shows the name once it is read.
    /// </summary>
    private static async Task SetQueryAsync(IPage page, string operationName, string query)
    {
        await SetEditorTextAsync(page, page.Locator(".graphiql-query-editor .monaco-editor"), query);
        await Assertions.Expect(page.Locator(".graphiql-tab-active")).ToContainTextAsync(operationName);
    }

    private async Task<IPage> OpenGraphiQLAsync()
    {
        var page = await NewPageAsync();
        await GoToGraphiQLAsync(page);
        return page;
    }

    private static async Task GoToGraphiQLAsync(IPage page)
    {
        // A person's navigation: Chromium asks for text/html, so /graphql answers with the IDE.
        await page.GotoAsync("/graphql");
        await Assertions.Expect(page.Locator(".graphiql-query-editor .monaco-editor")).ToBeVisibleAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        var origin = api.BaseAddress.GetLeftPart(UriPartial.Authority);
        var context = await (await _chromium.BrowserAsync()).NewContextAsync(new()
        {
            BaseURL = api.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1400, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        // A blocked file, a refused connection or a policy violation shows as a console error, in the page or in a worker.
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Enqueue($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"page error: {error}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin + "/", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                _problems.Enqueue($"request to another origin: {request.Url}");
            }
        };
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.StartsWith(origin.Replace("http://", "ws://", StringComparison.Ordinal) + "/", StringComparison.Ordinal))
            {
                _problems.Enqueue($"WebSocket to another origin: {socket.Url}");
            }
        };
        return page;
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", name);
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot });
        output.WriteLine($"Screenshot of GraphiQL: {screenshot}");
    }
}
