using System.Text.Json.Nodes;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.HelpRequests;

/// <summary>A resident's question as a partner site or a counter would send it; <c>with</c> makes the variations.</summary>
public sealed record RegisterInput(
    string TopicId,
    string MunicipalityId,
    string? HelpPointId = null,
    string Channel = "WALK_IN",
    string Urgency = "NORMAL",
    string FirstName = "Marleen",
    string? Email = "marleen@example.com",
    string? Phone = null,
    string TargetGroup = "SENIORS",
    bool Consent = true);

public static class HelpRequestTestKit
{
    public const string DefaultSelection = "id status channel urgency topic { code } municipality { name } helpPoint { name kind } assignedStaffName visit { startsAt endsAt } createdAt resolvedAt";

    public static string TopicId(this DigibankApiFactory api, string code)
    {
        using var db = api.CreateDbContext();
        return GlobalId.Encode(TopicType.TypeName, db.Topics.Single(t => t.Code == code).Id);
    }

    public static string MunicipalityId(this DigibankApiFactory api, string name)
    {
        using var db = api.CreateDbContext();
        return GlobalId.Encode(MunicipalityType.TypeName, db.Municipalities.Single(m => m.Name == name).Id);
    }

    public static string HelpPointId(this DigibankApiFactory api, string name)
    {
        using var db = api.CreateDbContext();
        return GlobalId.Encode(HelpPointType.TypeName, db.HelpPoints.Single(h => h.Name == name).Id);
    }

    public static string DigibuddyId(this DigibankApiFactory api, string firstName)
    {
        using var db = api.CreateDbContext();
        return GlobalId.Encode(DigibuddyType.TypeName, db.Digibuddies.Single(d => d.FirstName == firstName).Id);
    }

    public static int RowId(string globalId) =>
        GlobalId.TryDecode(globalId, out _, out var id) ? id : throw new ArgumentException($"'{globalId}' is not a global id.", nameof(globalId));

    public static async Task<HelpRequestStatus> StatusOfAsync(this DigibankApiFactory api, string helpRequestId)
    {
        await using var db = api.CreateDbContext();
        return await db.HelpRequests.Where(h => h.Id == RowId(helpRequestId)).Select(h => h.Status).SingleAsync();
    }

    public static RegisterInput Question(this DigibankApiFactory api, string topic, string municipality, string? helpPoint = null) =>
        new(api.TopicId(topic), api.MunicipalityId(municipality), helpPoint is null ? null : api.HelpPointId(helpPoint));

    /// <summary>A client with a Digibuddy token for the seeded digibuddy of that first name, naming the help points given (by name).</summary>
    public static GraphQLTestClient CreateDigibuddyClient(this DigibankApiFactory api, string firstName, params string[] helpPointNames)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", api.DigibuddyToken(firstName, helpPointNames));
        return new GraphQLTestClient(client);
    }

    public static string DigibuddyToken(this DigibankApiFactory api, string firstName, params string[] helpPointNames)
    {
        using var db = api.CreateDbContext();
        var digibuddyId = db.Digibuddies.Single(d => d.FirstName == firstName).Id;
        var helpPointIds = db.HelpPoints.Where(h => helpPointNames.Contains(h.Name)).Select(h => h.Id).ToList();
        Assert.Equal(helpPointNames.Length, helpPointIds.Count);
        return api.Services.GetRequiredService<StaffTokens>().Mint($"test:digibuddy:{firstName}", firstName, StaffRole.Digibuddy, Region.FirstRegionId, helpPointIds, digibuddyId);
    }

    /// <summary>Sends one of the help request mutations and returns its payload; fails the test on GraphQL errors.</summary>
    public static async Task<JsonNode> MutateAsync(this GraphQLTestClient client, string mutation, object input, string selection = DefaultSelection)
    {
        var data = await client.QueryAsync(Document(mutation, selection), new { input });
        return data[mutation]!;
    }

    /// <summary>Sends a mutation when a GraphQL error (not a payload error) is expected.</summary>
    public static Task<GraphQLResponse> PostMutationAsync(this GraphQLTestClient client, string mutation, object input, string selection = DefaultSelection) =>
        client.PostAsync(Document(mutation, selection), new { input });

    public static string[] ErrorCodes(this JsonNode payload) =>
        [.. payload["errors"]!.AsArray().Select(error => (string)error!["code"]!)];

    /// <summary>Registers a question as staff of its help point (or the coordinator) and returns the request's id.</summary>
    public static async Task<string> RegisterAsync(this GraphQLTestClient client, RegisterInput input)
    {
        var payload = await client.MutateAsync("registerHelpRequest", input);
        Assert.Empty(payload.ErrorCodes());
        return (string)payload["helpRequest"]!["id"]!;
    }

    public static async Task<JsonNode> AssignAsync(this GraphQLTestClient client, string helpRequestId, string? digibuddyId = null, bool assignToMe = false) =>
        await client.MutateAsync("assignHelpRequest", new { helpRequestId, digibuddyId, assignToMe }, "id status assignedStaffName assignedAt assignedDigibuddy { firstName }");

    private static string Document(string mutation, string selection) => $$"""
        mutation ($input: {{char.ToUpperInvariant(mutation[0])}}{{mutation[1..]}}Input!) {
          {{mutation}}(input: $input) {
            helpRequest { {{selection}} }
            errors { __typename ... on Error { code message } ... on InvalidInputError { field } }
          }
        }
        """;
}
