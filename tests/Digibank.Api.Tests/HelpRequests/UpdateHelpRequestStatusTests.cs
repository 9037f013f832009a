using Digibank.Api.HelpRequests;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.HelpRequests;

public sealed class UpdateHelpRequestStatusTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private readonly GraphQLTestClient _library = api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge");

    [Fact]
    public async Task An_assigned_request_is_resolved_at_the_moment_of_the_clock()
    {
        var request = await AssignedRequestAsync();
        var later = DigibankApiFactory.Now.AddHours(2);
        api.Clock.Current = later;
        try
        {
            var payload = await UpdateAsync(_library, request, "RESOLVED");

            Assert.Empty(payload.ErrorCodes());
            Assert.Equal("RESOLVED", (string)payload["helpRequest"]!["status"]!);
            Assert.Equal(later.UtcDateTime, (DateTime)payload["helpRequest"]!["resolvedAt"]!);
        }
        finally
        {
            api.Clock.Current = DigibankApiFactory.Now;
        }
    }

    [Fact]
    public async Task A_home_visit_goes_from_open_through_assigned_and_scheduled_to_resolved()
    {
        var mobileTeam = api.CreateStaffClient(StaffRole.Staff, "Mobiele digiploeg");
        var request = await mobileTeam.RegisterAsync(api.Question("eid", "Poperinge") with { Channel = "HOME_VISIT" });
        await mobileTeam.AssignAsync(request, assignToMe: true);
        var startsAt = DigibankApiFactory.Now.UtcDateTime.AddDays(1);
        await mobileTeam.MutateAsync("scheduleHomeVisit", new { helpRequestId = request, startsAt, endsAt = startsAt.AddHours(1) });

        var payload = await UpdateAsync(mobileTeam, request, "RESOLVED");

        Assert.Empty(payload.ErrorCodes());
        Assert.Equal(HelpRequestStatus.Resolved, await api.StatusOfAsync(request));
    }

    [Theory]
    [InlineData("RESOLVED", "CANCELLED")]
    [InlineData("RESOLVED", "RESOLVED")]
    [InlineData("CANCELLED", "RESOLVED")]
    [InlineData("CANCELLED", "CANCELLED")]
    public async Task Resolved_and_cancelled_are_final(string first, string then)
    {
        var request = await AssignedRequestAsync();
        Assert.Empty((await UpdateAsync(_library, request, first)).ErrorCodes());

        var payload = await UpdateAsync(_library, request, then);

        Assert.Equal(["INVALID_STATUS_CHANGE"], payload.ErrorCodes());
        Assert.Equal(Enum.Parse<HelpRequestStatus>(first, ignoreCase: true), await api.StatusOfAsync(request));
    }

    [Fact]
    public async Task An_open_request_can_be_cancelled_but_not_resolved_before_someone_is_assigned()
    {
        var resolved = await _library.RegisterAsync(api.Question("itsme", "Poperinge", "Bibliotheek Poperinge"));
        var cancelled = await _library.RegisterAsync(api.Question("itsme", "Poperinge", "Bibliotheek Poperinge"));

        Assert.Equal(["INVALID_STATUS_CHANGE"], (await UpdateAsync(_library, resolved, "RESOLVED")).ErrorCodes());
        Assert.Empty((await UpdateAsync(_library, cancelled, "CANCELLED")).ErrorCodes());
        Assert.Equal(HelpRequestStatus.Open, await api.StatusOfAsync(resolved));
        Assert.Equal(HelpRequestStatus.Cancelled, await api.StatusOfAsync(cancelled));
    }

    [Theory]
    [InlineData("ASSIGNED")]
    [InlineData("SCHEDULED")]
    public async Task Assigned_and_scheduled_come_only_from_their_own_mutations(string status)
    {
        var request = await _library.RegisterAsync(api.Question("itsme", "Poperinge", "Bibliotheek Poperinge"));

        var payload = await UpdateAsync(_library, request, status);

        Assert.Equal(["INVALID_STATUS_CHANGE"], payload.ErrorCodes());
        Assert.Equal(HelpRequestStatus.Open, await api.StatusOfAsync(request));
    }

    [Fact]
    public async Task The_assigned_digibuddy_resolves_their_request_but_cannot_cancel_it()
    {
        var request = await AssignedRequestAsync(api.DigibuddyId("Jonas"));
        var jonas = api.CreateDigibuddyClient("Jonas");

        var cancel = await UpdateAsync(jonas, request, "CANCELLED");
        var resolve = await UpdateAsync(jonas, request, "RESOLVED");

        Assert.Equal(["NOT_ALLOWED"], cancel.ErrorCodes());
        Assert.Empty(resolve.ErrorCodes());
        Assert.Equal(HelpRequestStatus.Resolved, await api.StatusOfAsync(request));
    }

    [Fact]
    public async Task Another_digibuddy_wrong_point_staff_and_anonymous_callers_cannot_change_the_status()
    {
        var request = await AssignedRequestAsync(api.DigibuddyId("Jonas"));

        var otherDigibuddy = await UpdateAsync(api.CreateDigibuddyClient("Griet"), request, "RESOLVED");
        var otherPoint = await UpdateAsync(api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke"), request, "CANCELLED");
        var anonymous = await api.CreateGraphQLClient().PostMutationAsync("updateHelpRequestStatus", new { helpRequestId = request, status = "CANCELLED" }, "status");

        Assert.Equal(["NOT_ALLOWED"], otherDigibuddy.ErrorCodes());
        Assert.Equal(["NOT_ALLOWED"], otherPoint.ErrorCodes());
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(HelpRequestStatus.Assigned, await api.StatusOfAsync(request));
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_typed_errors()
    {
        var unknown = await UpdateAsync(_library, Api.GraphQL.Relay.GlobalId.Encode(HelpRequestType.TypeName, 999_999), "CANCELLED");
        var wrongKind = await UpdateAsync(_library, api.TopicId("itsme"), "CANCELLED");

        Assert.Equal(["NOT_FOUND"], unknown.ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], wrongKind.ErrorCodes());
        Assert.Equal("helpRequestId", (string)wrongKind["errors"]![0]!["field"]!);
    }

    private static Task<System.Text.Json.Nodes.JsonNode> UpdateAsync(GraphQLTestClient client, string helpRequestId, string status) =>
        client.MutateAsync("updateHelpRequestStatus", new { helpRequestId, status });

    private async Task<string> AssignedRequestAsync(string? digibuddyId = null)
    {
        var request = await _library.RegisterAsync(api.Question("itsme", "Poperinge", "Bibliotheek Poperinge") with { Email = null, Phone = "0470 11 22 33" });
        Assert.Empty((await _library.AssignAsync(request, digibuddyId, assignToMe: digibuddyId is null)).ErrorCodes());
        return request;
    }
}
