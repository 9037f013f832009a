using System.Text.Json;
using System.Text.RegularExpressions;
using Digibank.Api.GraphQL.TrustedDocuments;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.GraphQL.TrustedDocuments;
using Digibank.Api.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>
/// The dashboard is a client of the API like a partner site: on a deployment that answers anonymous callers only
/// trusted documents, its public part works because its operations are registered
/// (<c>trusted-documents/dashboard/persisted-documents.json</c>), exactly as the page sends them.
/// </summary>
public sealed partial class DashboardTrustedDocumentsTests(TrustedDocumentsOnlyApiFactory api) : IClassFixture<TrustedDocumentsOnlyApiFactory>
{
    [Fact]
    public async Task Every_fixed_operation_of_the_page_is_a_trusted_document()
    {
        var operations = await OperationsOfThePageAsync();
        var store = api.Services.GetRequiredService<TrustedDocumentStore>();

        Assert.True(operations.Count >= 3, string.Join(", ", operations.Keys));
        var expected = JsonSerializer.Serialize(
            operations.Values.ToDictionary(TrustedDocument.IdOf, text => text),
            new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.True(
            operations.Values.All(text => store.IsKnown(TrustedDocument.IdOf(text))),
            $"dashboard.js changed: write this into src/Digibank.Api/trusted-documents/dashboard/persisted-documents.json\n{expected}");
    }

    [Fact]
    public async Task Anonymous_visitors_get_the_public_figures_and_the_live_feed()
    {
        var operations = await OperationsOfThePageAsync();
        var anonymous = api.CreateGraphQLClient();

        var catalogue = await anonymous.PostAsync(operations["CATALOGUE"], new { after = (string?)null });
        var figures = await anonymous.PostAsync(operations["PUBLIC"]);
        await using var live = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await live.SubscribeAsync("events", operations["SUBSCRIPTION"]);
        var course = await TestCourses.AddAsync(api, capacity: 10);
        await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Residents.SignUpMutation, new
        {
            input = new { courseId = course, firstName = "Live", email = "live.feed@example.com", municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true },
        });
        var events = new List<string?>();
        while (!events.Contains("SIGN_UP"))
        {
            events.Add((string?)(await live.NextAsync("events"))["payload"]!["data"]!["dashboardEvents"]!["kind"]);
        }

        Assert.Null(catalogue.Errors);
        Assert.True((int)catalogue.Data!["courses"]!["totalCount"]! > 0);
        Assert.Null(figures.Errors);
        Assert.NotEmpty(figures.Data!["deviceAvailability"]!.AsArray());
        Assert.NotEmpty(figures.Data["partners"]!["nodes"]!.AsArray());
    }

    /// <summary>The page's fixed operations by their constant's name, with the text exactly as the served script has it.</summary>
    private async Task<Dictionary<string, string>> OperationsOfThePageAsync()
    {
        var script = await api.CreateClient().GetStringAsync("/dashboard/dashboard.js");
        return OperationConstants().Matches(script)
            .Where(match => !match.Groups["text"].Value.Contains("${", StringComparison.Ordinal))
            .ToDictionary(match => match.Groups["name"].Value, match => match.Groups["text"].Value);
    }

    [GeneratedRegex(@"const (?<name>[A-Z_]+) = `(?<text>(query|mutation|subscription)\b[^`]*)`;")]
    private static partial Regex OperationConstants();
}
