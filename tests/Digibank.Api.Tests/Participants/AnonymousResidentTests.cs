using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Participants;

/// <summary>
/// What an anonymous caller can do with somebody else's e-mail address or phone number: nothing to that
/// person's details, and nothing that tells whether the address is known.
/// </summary>
public sealed class AnonymousResidentTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string SignUp = """
        mutation ($input: SignUpForCourseInput!) {
          signUpForCourse(input: $input) {
            signUp { status channel waitlistPosition }
            cancellationToken
            errors { __typename ... on Error { code message } ... on CourseFullError { waitingListLength } }
          }
        }
        """;

    private const string Reserve = """
        mutation ($input: ReserveDeviceInput!) {
          reserveDevice(input: $input) {
            reservation { status position }
            errors { __typename ... on Error { code message } }
          }
        }
        """;

    private const string Register = """
        mutation ($input: RegisterHelpRequestInput!) {
          registerHelpRequest(input: $input) {
            helpRequest { status }
            errors { __typename ... on Error { code message } }
          }
        }
        """;

    private readonly GraphQLTestClient _anonymous = api.CreateGraphQLClient();

    [Fact]
    public async Task Signing_up_with_someone_elses_e_mail_address_links_to_them_and_changes_nothing_about_them()
    {
        var kevin = await AddPersonAsync("Kevin", "kevin@example.be", "Poperinge", TargetGroup.JobSeekers);
        var course = await TestCourses.AddAsync(api, capacity: 5);

        var payload = await SignUpAsync(course, "Mallory", "kevin@example.be", "Mesen");

        Assert.Empty(payload["errors"]!.AsArray());
        await using var db = api.CreateDbContext();
        var stored = await db.Participants.Include(p => p.Municipality).SingleAsync(p => p.Email == "kevin@example.be");
        Assert.Equal(kevin, stored.Id);
        Assert.Equal(("Kevin", "Poperinge", TargetGroup.JobSeekers), (stored.FirstName, stored.Municipality!.Name, stored.TargetGroup));
        Assert.Equal(1, await db.SignUps.CountAsync(s => s.CourseId == GlobalId.DecodeFor(CourseType.TypeName, course) && s.ParticipantId == kevin));
    }

    [Fact]
    public async Task Reserving_a_device_or_asking_for_help_with_someone_elses_phone_changes_nothing_about_them()
    {
        await AddPersonAsync("Kevin", null, "Poperinge", TargetGroup.JobSeekers, phone: "0470998877");

        var reservation = await _anonymous.QueryAsync(Reserve, new { input = await ResidentAsync(new { helpPointId = await PointAsync("Bibliotheek Vleteren"), kind = "LAPTOP" }, "Mallory", "0470998877", "Mesen") });
        var question = await _anonymous.QueryAsync(Register, new { input = await ResidentAsync(new { topicId = await TopicAsync(), urgency = "NORMAL", channel = "PHONE" }, "Mallory", "0470998877", "Mesen") });

        Assert.Empty(reservation["reserveDevice"]!["errors"]!.AsArray());
        Assert.Empty(question["registerHelpRequest"]!["errors"]!.AsArray());
        await using var db = api.CreateDbContext();
        var stored = await db.Participants.Include(p => p.Municipality).SingleAsync(p => p.Phone == "0470998877");
        Assert.Equal(("Kevin", "Poperinge", TargetGroup.JobSeekers), (stored.FirstName, stored.Municipality!.Name, stored.TargetGroup));
    }

    [Fact]
    public async Task Staff_of_the_help_point_may_correct_a_known_persons_details()
    {
        await AddPersonAsync("Kevn", "kevin.staff@example.be", "Poperinge", TargetGroup.JobSeekers);
        var course = await TestCourses.AddAsync(api, capacity: 5);

        var payload = await SignUpAsync(course, "Kevin", "kevin.staff@example.be", "Mesen", client: api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge"));

        Assert.Empty(payload["errors"]!.AsArray());
        await using var db = api.CreateDbContext();
        var stored = await db.Participants.Include(p => p.Municipality).SingleAsync(p => p.Email == "kevin.staff@example.be");
        Assert.Equal(("Kevin", "Mesen"), (stored.FirstName, stored.Municipality!.Name));
    }

    [Fact]
    public async Task On_a_full_course_a_known_address_gets_the_same_answer_as_an_unknown_one()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        await SignUpAsync(course, "Kevin", "kevin.full@example.be", "Poperinge");

        var known = await SignUpAsync(course, "Mallory", "kevin.full@example.be", "Mesen", joinWaitingList: false);
        var unknown = await SignUpAsync(course, "Mallory", "nobody.full@example.be", "Mesen", joinWaitingList: false);

        Assert.Equal(["COURSE_FULL"], Codes(known));
        Assert.Equal(unknown.ToJsonString(), known.ToJsonString());
    }

    [Fact]
    public async Task On_a_course_with_seats_a_known_address_gets_the_same_kind_of_answer_as_an_unknown_one()
    {
        var course = await TestCourses.AddAsync(api, capacity: 10);
        await SignUpAsync(course, "Kevin", "kevin.seats@example.be", "Poperinge");

        var known = await SignUpAsync(course, "Mallory", "kevin.seats@example.be", "Mesen");
        var unknown = await SignUpAsync(course, "Mallory", "nobody.seats@example.be", "Mesen");

        Assert.Empty(known["errors"]!.AsArray());
        Assert.Equal(Shape(unknown), Shape(known));
    }

    [Fact]
    public async Task In_a_device_queue_a_known_phone_number_gets_the_same_kind_of_answer_as_an_unknown_one()
    {
        var point = await PointAsync("Bibliotheek Heuvelland");
        await _anonymous.QueryAsync(Reserve, new { input = await ResidentAsync(new { helpPointId = point, kind = "SMARTPHONE" }, "Kevin", "0470112233", "Heuvelland") });

        var known = (await _anonymous.QueryAsync(Reserve, new { input = await ResidentAsync(new { helpPointId = point, kind = "SMARTPHONE" }, "Mallory", "0470112233", "Mesen") }))["reserveDevice"]!;
        var unknown = (await _anonymous.QueryAsync(Reserve, new { input = await ResidentAsync(new { helpPointId = point, kind = "SMARTPHONE" }, "Mallory", "0470445566", "Mesen") }))["reserveDevice"]!;

        Assert.Empty(known["errors"]!.AsArray());
        Assert.Equal("WAITING", (string?)known["reservation"]!["status"]);
        // Each request takes the next place, as a stranger's would: the answer says nothing about the first.
        Assert.Equal((int)known["reservation"]!["position"]! + 1, (int)unknown["reservation"]!["position"]!);
        known["reservation"]!["position"] = null;
        unknown["reservation"]!["position"] = null;
        Assert.Equal(unknown.ToJsonString(), known.ToJsonString());
    }

    [Fact]
    public async Task Staff_of_another_help_point_or_a_digibuddy_cannot_sign_up_or_reserve_there_and_nothing_is_written()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5, helpPoint: "Bibliotheek Poperinge");
        var elsewhere = api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke");
        var digibuddy = api.CreateStaffClient(StaffRole.Digibuddy);
        var before = await CountAsync();

        foreach (var client in new[] { elsewhere, digibuddy })
        {
            var signUp = await SignUpAsync(course, "Lucienne", null, "Poperinge", client: client);
            var reservation = (await client.QueryAsync(Reserve, new { input = await ResidentAsync(new { helpPointId = await PointAsync("Bibliotheek Vleteren"), kind = "LAPTOP" }, "Lucienne", null, "Vleteren") }))["reserveDevice"]!;
            var question = (await client.QueryAsync(Register, new { input = await ResidentAsync(new { topicId = await TopicAsync(), urgency = "NORMAL", channel = "WALK_IN", helpPointId = await PointAsync("Bibliotheek Vleteren") }, "Lucienne", null, "Vleteren") }))["registerHelpRequest"]!;

            Assert.Equal(["NOT_ALLOWED"], Codes(signUp));
            Assert.Equal(["NOT_ALLOWED"], Codes(reservation));
            Assert.Equal(["NOT_ALLOWED"], Codes(question));
        }

        Assert.Equal(before, await CountAsync());
        var atTheirOwnPoint = await SignUpAsync(course, "Lucienne", null, "Poperinge", client: api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge"));
        Assert.Empty(atTheirOwnPoint["errors"]!.AsArray());
    }

    /// <summary>What a caller can compare between two answers: everything but the values that differ for everyone.</summary>
    private static string Shape(JsonNode payload)
    {
        var copy = JsonNode.Parse(payload.ToJsonString())!;
        if (copy["cancellationToken"] is { } token)
        {
            copy["cancellationToken"] = ((string?)token)?.Length;
        }

        return copy.ToJsonString();
    }

    private static string[] Codes(JsonNode payload) => payload["errors"]!.AsArray().Select(error => (string)error!["code"]!).ToArray();

    private async Task<JsonNode> SignUpAsync(string courseId, string firstName, string? email, string town, bool joinWaitingList = true, GraphQLTestClient? client = null)
    {
        var input = await ResidentAsync(new { courseId, joinWaitingList }, firstName, null, town);
        input["email"] = email;
        return (await (client ?? _anonymous).QueryAsync(SignUp, new { input }))["signUpForCourse"]!;
    }

    private async Task<Dictionary<string, object?>> ResidentAsync(object fields, string firstName, string? phone, string town)
    {
        var input = fields.GetType().GetProperties().ToDictionary(property => property.Name, property => property.GetValue(fields));
        input["firstName"] = firstName;
        input["phone"] = phone;
        input["municipalityId"] = await TestCourses.MunicipalityIdAsync(api, town);
        input["targetGroup"] = "SENIORS";
        input["consent"] = true;
        return input;
    }

    private async Task<int> AddPersonAsync(string firstName, string? email, string town, TargetGroup targetGroup, string? phone = null)
    {
        await using var db = api.CreateDbContext();
        var person = new Participant
        {
            FirstName = firstName,
            Email = email,
            Phone = phone,
            MunicipalityId = (await db.Municipalities.SingleAsync(m => m.Name == town)).Id,
            TargetGroup = targetGroup,
            ConsentGivenAt = api.Clock.GetUtcNow().UtcDateTime,
            CreatedAt = api.Clock.GetUtcNow().UtcDateTime,
        };
        db.Participants.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    private async Task<string> PointAsync(string name)
    {
        await using var db = api.CreateDbContext();
        return GlobalId.Encode("HelpPoint", (await db.HelpPoints.SingleAsync(h => h.Name == name)).Id);
    }

    private async Task<string> TopicAsync()
    {
        await using var db = api.CreateDbContext();
        return GlobalId.Encode("Topic", (await db.Topics.OrderBy(t => t.Id).FirstAsync()).Id);
    }

    private async Task<(int, int, int, int)> CountAsync()
    {
        await using var db = api.CreateDbContext();
        return (await db.SignUps.CountAsync(), await db.Reservations.CountAsync(), await db.HelpRequests.CountAsync(), await db.Participants.CountAsync());
    }
}
