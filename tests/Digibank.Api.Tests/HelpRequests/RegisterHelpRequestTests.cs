using Digibank.Api.HelpRequests;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace Digibank.Api.Tests.HelpRequests;

public sealed class RegisterHelpRequestTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private readonly GraphQLTestClient _resident = api.CreateGraphQLClient();

    [Fact]
    public async Task A_resident_registers_a_question_that_is_open()
    {
        var payload = await _resident.MutateAsync("registerHelpRequest",
            api.Question("itsme", "Poperinge", "Bibliotheek Poperinge") with { Urgency = "URGENT", Email = "open.question@example.com" });

        Assert.Empty(payload.ErrorCodes());
        var request = payload["helpRequest"]!;
        Assert.Equal("OPEN", (string)request["status"]!);
        Assert.Equal("Bibliotheek Poperinge", (string)request["helpPoint"]!["name"]!);
        await using var db = api.CreateDbContext();
        var stored = await db.HelpRequests.Include(h => h.Participant).SingleAsync(h => h.Id == HelpRequestTestKit.RowId((string)request["id"]!));
        Assert.Equal(HelpRequestStatus.Open, stored.Status);
        Assert.Equal(DigibankApiFactory.Now.UtcDateTime, stored.CreatedAt);
        Assert.Equal("open.question@example.com", stored.Participant!.Email);
        Assert.Equal(DigibankApiFactory.Now.UtcDateTime, stored.Participant.ConsentGivenAt);
    }

    [Fact]
    public async Task A_home_visit_without_a_help_point_goes_to_the_mobile_team()
    {
        var payload = await _resident.MutateAsync("registerHelpRequest",
            api.Question("online-banking", "Vleteren") with { Channel = "HOME_VISIT", FirstName = "Simonne", Email = null, Phone = "057 33 44 55" },
            "status channel urgency topic { code } municipality { name } helpPoint { name kind } assignedStaffName visit { startsAt } createdAt resolvedAt");

        Assert.Equal("MOBILE_TEAM", (string)payload["helpRequest"]!["helpPoint"]!["kind"]!);
        Snapshot.Match(payload.ToJsonString(new() { WriteIndented = true }));
    }

    [Fact]
    public async Task A_walk_in_question_without_a_help_point_stays_without_one()
    {
        var payload = await _resident.MutateAsync("registerHelpRequest", api.Question("email", "Mesen") with { Email = "no.point@example.com" });

        Assert.Empty(payload.ErrorCodes());
        Assert.Null(payload["helpRequest"]!["helpPoint"]);
    }

    [Fact]
    public async Task The_same_e_mail_address_reuses_the_participant()
    {
        var first = await _resident.RegisterAsync(api.Question("itsme", "Poperinge") with { Email = "Twice@Example.com" });
        var second = await _resident.RegisterAsync(api.Question("eid", "Poperinge") with { Email = "twice@example.com", FirstName = "Marleen" });

        await using var db = api.CreateDbContext();
        var participantIds = await db.HelpRequests
            .Where(h => h.Id == HelpRequestTestKit.RowId(first) || h.Id == HelpRequestTestKit.RowId(second))
            .Select(h => h.ParticipantId).Distinct().ToListAsync();
        Assert.Single(participantIds);
        Assert.Equal(1, await db.Participants.CountAsync(p => p.Email == "twice@example.com"));
    }

    [Fact]
    public async Task A_resident_gives_exactly_one_contact_channel_and_consent()
    {
        var none = await _resident.MutateAsync("registerHelpRequest", api.Question("itsme", "Poperinge") with { Email = null });
        var both = await _resident.MutateAsync("registerHelpRequest", api.Question("itsme", "Poperinge") with { Phone = "0470 12 34 56" });
        var noConsent = await _resident.MutateAsync("registerHelpRequest", api.Question("itsme", "Poperinge") with { Consent = false });

        Assert.Equal(["INVALID_INPUT"], none.ErrorCodes());
        Assert.Equal(["INVALID_INPUT"], both.ErrorCodes());
        Assert.Equal(["CONSENT_REQUIRED"], noConsent.ErrorCodes());
        Assert.All([none, both, noConsent], payload => Assert.Null(payload["helpRequest"]));
    }

    [Theory]
    [InlineData("", "firstName")]
    [InlineData("   ", "firstName")]
    [InlineData("Maximiliaan-Alexander-Bartholomeus-Constantijn-Desiré", "firstName")]
    public async Task Empty_or_absurd_names_are_refused(string firstName, string field)
    {
        var payload = await _resident.MutateAsync("registerHelpRequest", api.Question("itsme", "Poperinge") with { FirstName = firstName });

        Assert.Equal(["INVALID_INPUT"], payload.ErrorCodes());
        Assert.Equal(field, (string)payload["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task Ids_of_the_wrong_type_are_invalid_input_and_unknown_ids_are_not_found()
    {
        var wrongType = await _resident.MutateAsync("registerHelpRequest",
            api.Question("itsme", "Poperinge") with { TopicId = api.MunicipalityId("Poperinge"), HelpPointId = "not-an-id" });
        var unknownTopic = await _resident.MutateAsync("registerHelpRequest",
            api.Question("itsme", "Poperinge") with { TopicId = Api.GraphQL.Relay.GlobalId.Encode("Topic", 999_999) });
        var unknownPoint = await _resident.MutateAsync("registerHelpRequest",
            api.Question("itsme", "Poperinge") with { HelpPointId = Api.GraphQL.Relay.GlobalId.Encode("HelpPoint", 999_999) });

        Assert.Equal(["topicId", "helpPointId"], wrongType["errors"]!.AsArray().Select(error => (string)error!["field"]!));
        Assert.Equal(["NOT_FOUND"], unknownTopic.ErrorCodes());
        Assert.Equal(["NOT_FOUND"], unknownPoint.ErrorCodes());
    }

    [Fact]
    public async Task A_refused_registration_leaves_no_participant_and_no_request_behind()
    {
        await using var before = api.CreateDbContext();
        var requests = await before.HelpRequests.CountAsync();
        var participants = await before.Participants.CountAsync();

        // Topic and town pass; the help point fails only inside the transaction.
        var payload = await _resident.MutateAsync("registerHelpRequest",
            api.Question("itsme", "Poperinge") with { Email = "left.behind@example.com", HelpPointId = Api.GraphQL.Relay.GlobalId.Encode("HelpPoint", 999_999) });

        Assert.Equal(["NOT_FOUND"], payload.ErrorCodes());
        await using var after = api.CreateDbContext();
        Assert.Equal(requests, await after.HelpRequests.CountAsync());
        Assert.Equal(participants, await after.Participants.CountAsync());
    }

    [Fact]
    public async Task Staff_register_without_contact_for_their_own_help_point_only()
    {
        var staff = api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke");

        var own = await staff.MutateAsync("registerHelpRequest", api.Question("photos", "Poperinge", "Buurtsalon Krombeke") with { Email = null });
        var other = await staff.MutateAsync("registerHelpRequest", api.Question("photos", "Poperinge", "Bibliotheek Poperinge") with { Email = null });
        var withoutPoint = await staff.MutateAsync("registerHelpRequest", api.Question("photos", "Poperinge") with { Email = null });

        Assert.Empty(own.ErrorCodes());
        Assert.Equal("OPEN", (string)own["helpRequest"]!["status"]!);
        Assert.Equal(["NOT_ALLOWED"], other.ErrorCodes());
        Assert.Equal(["NOT_ALLOWED"], withoutPoint.ErrorCodes());
    }

    [Fact]
    public async Task Staff_of_any_point_hand_a_home_visit_to_the_mobile_team()
    {
        var staff = api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke");

        var payload = await staff.MutateAsync("registerHelpRequest", api.Question("eid", "Poperinge") with { Channel = "HOME_VISIT", Email = null });

        Assert.Empty(payload.ErrorCodes());
        Assert.Equal("Mobiele digiploeg", (string)payload["helpRequest"]!["helpPoint"]!["name"]!);
    }

    [Fact]
    public async Task A_resident_cannot_read_who_asked_or_who_helps_through_the_payload()
    {
        var response = await _resident.PostMutationAsync("registerHelpRequest",
            api.Question("itsme", "Poperinge") with { Email = "curious@example.com" },
            "status participant { email } assignedDigibuddy { firstName }");

        Assert.Equal(["AUTH_NOT_AUTHENTICATED", "AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
        Assert.Null(response.Data!["registerHelpRequest"]!["helpRequest"]!["participant"]);
    }
}
