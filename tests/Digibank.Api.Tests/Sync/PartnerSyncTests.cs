using Digibank.Api.Courses;
using Digibank.Api.Staff;
using Digibank.Partners.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Sync;

public sealed class PartnerSyncTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public async Task Without_a_key_or_with_an_unknown_one_the_call_is_unauthenticated()
    {
        var anonymous = new PartnerSyncClient(api, "ligo", key: null);
        var forged = new PartnerSyncClient(api, "ligo", key: "dbk_not-a-real-key");

        var noKey = await Assert.ThrowsAsync<RpcException>(() => anonymous.ChangesAsync());
        var badKey = await Assert.ThrowsAsync<RpcException>(() => forged.UploadAsync([PartnerSyncClient.Offer("X-1")]));

        Assert.Equal(StatusCode.Unauthenticated, noKey.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, badKey.StatusCode);
    }

    [Fact]
    public async Task A_partner_cannot_upload_or_read_for_another_partner()
    {
        var ligo = await PartnerSyncClient.ForAsync(api, "ligo");

        var upload = await Assert.ThrowsAsync<RpcException>(() => ligo.UploadAsync([PartnerSyncClient.Offer("VDAB-1")], asPartner: "vdab"));
        var watch = await Assert.ThrowsAsync<RpcException>(() => ligo.ChangesAsync(asPartner: "vdab"));

        Assert.Equal(StatusCode.PermissionDenied, upload.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, watch.StatusCode);
    }

    [Fact]
    public async Task A_snapshot_creates_then_leaves_unchanged_then_updates_and_withdraws()
    {
        var vdab = await PartnerSyncClient.ForAsync(api, "vdab");
        var offers = new[] { PartnerSyncClient.Offer("SYNC-A"), PartnerSyncClient.Offer("SYNC-B"), PartnerSyncClient.Offer("SYNC-C") };
        var before = await CountCoursesAsync("vdab");

        // The partner's demo courses are not in the snapshot: the first upload withdraws them all, as the partner says it means to.
        var first = await vdab.UploadAsync(offers, allowMassWithdrawal: true);
        var again = await vdab.UploadAsync(offers);
        var changed = PartnerSyncClient.Offer("SYNC-A", title: "Aan de slag met je tablet (nieuw)");
        var third = await vdab.UploadAsync([changed, offers[1]]);

        Assert.Equal((3, 0, 0, before), (first.Created, first.Updated, first.Unchanged, first.Withdrawn));
        Assert.Equal((0, 0, 3, 0), (again.Created, again.Updated, again.Unchanged, again.Withdrawn));
        Assert.Equal((0, 1, 1, 1), (third.Created, third.Updated, third.Unchanged, third.Withdrawn));
        await using var db = api.CreateDbContext();
        var synced = await db.Courses.Include(c => c.Topics).Include(c => c.Sessions).Where(c => c.ExternalId.StartsWith("SYNC-")).ToDictionaryAsync(c => c.ExternalId);
        Assert.Equal("Aan de slag met je tablet (nieuw)", synced["SYNC-A"].Title);
        Assert.Equal(CourseStatus.Withdrawn, synced["SYNC-C"].Status);
        Assert.Equal([TargetGroup.Seniors], synced["SYNC-B"].TargetGroups);
        Assert.Equal("smartphone-basics", Assert.Single(synced["SYNC-B"].Topics).Code);
        Assert.Equal(offers[1].Sessions[0].StartsAt.ToDateTime(), Assert.Single(synced["SYNC-B"].Sessions).StartsAt);
        Assert.Equal(CourseLanguage.PlainDutch, synced["SYNC-B"].Language);
    }

    [Fact]
    public async Task Synced_courses_are_in_the_GraphQL_catalogue_and_withdrawn_ones_are_not()
    {
        var library = await PartnerSyncClient.ForAsync(api, "bib-heuvelland");
        await library.UploadAsync([PartnerSyncClient.Offer("GQL-1", title: "Videobellen met je kleinkinderen", helpPoint: "Bibliotheek Heuvelland"), PartnerSyncClient.Offer("GQL-2", title: "Foto's delen")], allowMassWithdrawal: true);
        await library.UploadAsync([PartnerSyncClient.Offer("GQL-1", title: "Videobellen met je kleinkinderen", helpPoint: "Bibliotheek Heuvelland")], allowMassWithdrawal: true);

        var data = await api.CreateGraphQLClient().QueryAsync("""
            { courses(where: { partner: { code: { eq: "bib-heuvelland" } } }) { nodes { title externalId location { name municipality { name } } sessions { startsAt } } } }
            """);

        var course = Assert.Single(data["courses"]!["nodes"]!.AsArray());
        Assert.Equal("Videobellen met je kleinkinderen", (string?)course!["title"]);
        Assert.Equal("Heuvelland", (string?)course["location"]!["municipality"]!["name"]);
    }

    [Fact]
    public async Task Bad_records_are_rejected_with_a_reason_and_the_rest_goes_in()
    {
        var ligo = await PartnerSyncClient.ForAsync(api, "ligo");
        var unknownTopic = PartnerSyncClient.Offer("BAD-TOPIC");
        unknownTopic.Topics.Add("quantum-computing");
        var backwards = PartnerSyncClient.Offer("BAD-SESSION");
        backwards.Sessions[0].EndsAt = backwards.Sessions[0].StartsAt;

        var summary = await ligo.UploadAsync([
            PartnerSyncClient.Offer("GOOD-1"),
            PartnerSyncClient.Offer("BAD-CAPACITY", capacity: 0),
            PartnerSyncClient.Offer("BAD-PLACE", helpPoint: "Bibliotheek Ieper"),
            unknownTopic,
            backwards,
            PartnerSyncClient.Offer("GOOD-1"),
        ], UploadMode.Delta);

        Assert.Equal(1, summary.Created);
        var reasons = summary.Rejected.ToDictionary(r => r.ExternalId + (r.Reason.Contains("twice") ? "#2" : string.Empty), r => r.Reason);
        Assert.Contains("capacity", reasons["BAD-CAPACITY"]);
        Assert.Contains("Bibliotheek Ieper", reasons["BAD-PLACE"]);
        Assert.Contains("quantum-computing", reasons["BAD-TOPIC"]);
        Assert.Contains("session", reasons["BAD-SESSION"]);
        Assert.Contains("GOOD-1#2", reasons.Keys);
    }

    [Fact]
    public async Task An_upload_that_stops_before_its_end_changes_nothing()
    {
        var vleteren = await PartnerSyncClient.ForAsync(api, "bib-vleteren");
        var before = await CountCoursesAsync("bib-vleteren");

        var broken = await Assert.ThrowsAsync<RpcException>(() => vleteren.UploadAsync([PartnerSyncClient.Offer("HALF-1", helpPoint: "Bibliotheek Vleteren")], end: false));

        Assert.Equal(StatusCode.FailedPrecondition, broken.StatusCode);
        Assert.Equal(before, await CountCoursesAsync("bib-vleteren"));
        await using var db = api.CreateDbContext();
        Assert.DoesNotContain(await db.Courses.Where(c => c.Partner!.Code == "bib-vleteren").Select(c => c.Status).ToListAsync(), status => status == CourseStatus.Withdrawn);
    }

    [Fact]
    public async Task A_delta_withdraws_only_what_it_names()
    {
        var intro = await PartnerSyncClient.ForAsync(api, "groep-intro");
        await intro.UploadAsync([PartnerSyncClient.Offer("DELTA-1"), PartnerSyncClient.Offer("DELTA-2")], UploadMode.Delta);

        var removal = await intro.UploadAsync([], UploadMode.Delta, removals: ["DELTA-1"]);

        Assert.Equal(1, removal.Withdrawn);
        await using var db = api.CreateDbContext();
        Assert.Equal(CourseStatus.Scheduled, (await db.Courses.SingleAsync(c => c.ExternalId == "DELTA-2")).Status);
    }

    [Fact]
    public async Task Sign_ups_taken_by_the_partner_hold_seats_and_a_cancellation_frees_one()
    {
        var lovie = await PartnerSyncClient.ForAsync(api, "de-lovie");
        await lovie.UploadAsync([PartnerSyncClient.Offer("SEATS-1", capacity: 2)], UploadMode.Delta);

        var taken = await lovie.UploadSignUpsAsync(
            SignUp("P-1", "SEATS-1", "Nadia", "nadia@example.com"),
            SignUp("P-2", "SEATS-1", "Omar", "omar@example.com"),
            SignUp("P-3", "SEATS-1", "Paula", "paula@example.com"));
        var seats = await SeatsAsync("SEATS-1");
        var repeated = await lovie.UploadSignUpsAsync(SignUp("P-1", "SEATS-1", "Nadia", "nadia@example.com"));
        var withdrawnSignUp = SignUp("P-1", "SEATS-1", "Nadia", "nadia@example.com");
        withdrawnSignUp.Cancelled = true;
        var cancelled = await lovie.UploadSignUpsAsync(withdrawnSignUp);
        var rejected = await lovie.UploadSignUpsAsync(SignUp("P-9", "NO-SUCH-COURSE", "Rik", "rik@example.com"));

        Assert.Equal(3, taken.Created);
        Assert.Equal((0, 1), ((int)seats["seatsLeft"]!, (int)seats["waitingListLength"]!));
        Assert.Equal(1, repeated.Unchanged);
        Assert.Equal(1, cancelled.Updated);
        Assert.Contains("NO-SUCH-COURSE", Assert.Single(rejected.Rejected).Reason);
        var after = await SeatsAsync("SEATS-1");
        Assert.Equal((0, 0), ((int)after["seatsLeft"]!, (int)after["waitingListLength"]!));
    }

    [Fact]
    public async Task Sign_ups_made_on_the_platform_reach_the_partner_from_a_resumable_cursor()
    {
        var pom = await PartnerSyncClient.ForAsync(api, "pom-west-vlaanderen");
        await pom.UploadAsync([PartnerSyncClient.Offer("FEED-1", capacity: 1)], UploadMode.Delta);
        await pom.UploadSignUpsAsync(SignUp("OWN-1", "FEED-1", "Eigen", "eigen@example.com"));
        var courseId = await CourseIdAsync("FEED-1");

        var first = await SignUpOnPlatformAsync(courseId, "Wendy", "wendy@example.com");
        var feed = await pom.ChangesAsync();
        await SignUpOnPlatformAsync(courseId, "Xander", "xander@example.com");
        var resumed = await pom.ChangesAsync(afterCursor: feed[^1].Cursor);

        var change = Assert.Single(feed);
        Assert.Equal("FEED-1", change.CourseExternalId);
        Assert.Equal("WAITLISTED", change.Status);
        Assert.Equal("Wendy", change.FirstName);
        Assert.Equal(first, change.SignUpId);
        var next = Assert.Single(resumed);
        Assert.Equal("Xander", next.FirstName);
        Assert.True(next.Cursor > change.Cursor);
    }

    [Fact]
    public async Task A_reported_run_shows_on_the_partner_with_its_error_for_staff_only()
    {
        var dvv = await PartnerSyncClient.ForAsync(api, "dvv-westhoek");
        var now = api.Clock.GetUtcNow().UtcDateTime;
        await dvv.Sync.ReportSyncRunAsync(new SyncRunReport
        {
            PartnerCode = "dvv-westhoek",
            PluginName = "Digibank.Plugins.Dvv",
            StartedAt = Timestamp.FromDateTime(now.AddSeconds(-3)),
            FinishedAt = Timestamp.FromDateTime(now),
            Outcome = "FAILED",
            Error = "cursussen.csv is not readable",
        }, dvv.Headers);
        const string Query = """{ partners(where: { code: { eq: "dvv-westhoek" } }) { nodes { lastSync { pluginName outcome error } } } }""";

        var anonymous = await api.CreateGraphQLClient().QueryAsync(Query);
        var staff = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Query);

        var publicView = anonymous["partners"]!["nodes"]![0]!["lastSync"]!;
        Assert.Equal("FAILED", (string?)publicView["outcome"]);
        Assert.Null((string?)publicView["error"]);
        Assert.Equal("cursussen.csv is not readable", (string?)staff["partners"]!["nodes"]![0]!["lastSync"]!["error"]);
    }

    [Fact]
    public async Task Runs_that_wait_for_confirmation_or_were_quarantined_show_on_the_partner()
    {
        var mesen = await PartnerSyncClient.ForAsync(api, "stad-mesen");
        const string Query = """{ partners(where: { code: { eq: "stad-mesen" } }) { nodes { lastSync { outcome error } recentSyncs { outcome } } } }""";
        var coordinator = api.CreateStaffClient(StaffRole.Coordinator);

        await ReportRunAsync(mesen, "NEEDS_CONFIRMATION");
        var held = (await coordinator.QueryAsync(Query))["partners"]!["nodes"]![0]!;
        await ReportRunAsync(mesen, "QUARANTINED", "Stopped after 3 crashes in a row; it runs again once its files are replaced.");
        var quarantined = (await coordinator.QueryAsync(Query))["partners"]!["nodes"]![0]!;
        var publicView = (await api.CreateGraphQLClient().QueryAsync(Query))["partners"]!["nodes"]![0]!["lastSync"]!;

        Assert.Equal("NEEDS_CONFIRMATION", (string?)held["lastSync"]!["outcome"]);
        Assert.Equal("QUARANTINED", (string?)quarantined["lastSync"]!["outcome"]);
        Assert.StartsWith("Stopped after 3 crashes", (string?)quarantined["lastSync"]!["error"], StringComparison.Ordinal);
        Assert.Equal(["QUARANTINED", "NEEDS_CONFIRMATION"], quarantined["recentSyncs"]!.AsArray().Select(run => (string?)run!["outcome"]));
        Assert.Equal("QUARANTINED", (string?)publicView["outcome"]);
        Assert.Null((string?)publicView["error"]);
    }

    [Theory]
    [InlineData("PAUSED")]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("SUCCEEDED,FAILED")]
    public async Task A_run_report_with_an_unknown_outcome_is_an_invalid_argument_naming_the_known_ones(string outcome)
    {
        var vleteren = await PartnerSyncClient.ForAsync(api, "gemeente-vleteren");

        var error = await Assert.ThrowsAsync<RpcException>(() => ReportRunAsync(vleteren, outcome));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("NEEDS_CONFIRMATION or QUARANTINED", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_checking_says_serving_and_reflection_lists_the_service()
    {
        var client = new PartnerSyncClient(api, "ligo", key: null);

        var health = await new Grpc.Health.V1.Health.HealthClient(client.Channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
        using var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(client.Channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = string.Empty });
        await reflection.RequestStream.CompleteAsync();
        Assert.True(await reflection.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains(reflection.ResponseStream.Current.ListServicesResponse.Service, service => service.Name == "digibank.partners.v1.PartnerSync");
    }

    private async Task ReportRunAsync(PartnerSyncClient partner, string outcome, string error = "")
    {
        var now = api.Clock.GetUtcNow().UtcDateTime;
        await partner.Sync.ReportSyncRunAsync(new SyncRunReport
        {
            PartnerCode = partner.PartnerCode,
            PluginName = "Digibank.Plugins.Test",
            StartedAt = Timestamp.FromDateTime(now.AddSeconds(-3)),
            FinishedAt = Timestamp.FromDateTime(now),
            Outcome = outcome,
            Error = error,
        }, partner.Headers);
    }

    private static PartnerSignUp SignUp(string id, string course, string firstName, string email) =>
        new() { ExternalId = id, CourseExternalId = course, FirstName = firstName, Email = email, Municipality = "Poperinge", TargetGroup = "SENIORS" };

    private async Task<int> CountCoursesAsync(string partnerCode)
    {
        await using var db = api.CreateDbContext();
        return await db.Courses.CountAsync(c => c.Partner!.Code == partnerCode && c.Status != CourseStatus.Withdrawn);
    }

    private async Task<string> CourseIdAsync(string externalId)
    {
        await using var db = api.CreateDbContext();
        return Digibank.Api.GraphQL.Relay.GlobalId.Encode(CourseType.TypeName, (await db.Courses.SingleAsync(c => c.ExternalId == externalId)).Id);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> SeatsAsync(string externalId) =>
        (await api.CreateGraphQLClient().QueryAsync("query ($id: ID!) { node(id: $id) { ... on Course { seatsLeft waitingListLength } } }", new { id = await CourseIdAsync(externalId) }))["node"]!;

    private async Task<string> SignUpOnPlatformAsync(string courseId, string firstName, string email)
    {
        var data = await api.CreateGraphQLClient().QueryAsync(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { signUp { id } errors { ... on Error { code } } } }",
            new { input = new { courseId, firstName, email, municipalityId = await Courses.TestCourses.MunicipalityIdAsync(api), targetGroup = "PARENTS", consent = true } });
        return (string)data["signUpForCourse"]!["signUp"]!["id"]!;
    }
}
