using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace Digibank.Api.Tests.Courses;

public sealed class SignUpTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string SignUp = """
        mutation ($input: SignUpForCourseInput!) {
          signUpForCourse(input: $input) {
            signUp { id status channel waitlistPosition course { seatsLeft waitingListLength status } }
            cancellationToken
            errors { __typename ... on Error { message code } ... on InvalidInputError { field } ... on AlreadySignedUpError { status } ... on CourseFullError { waitingListLength } }
          }
        }
        """;

    private const string Cancel = """
        mutation ($input: CancelSignUpInput!) {
          cancelSignUp(input: $input) {
            signUp { id status } promoted { id status waitlistPosition }
            errors { __typename ... on Error { code message } }
          }
        }
        """;

    private readonly GraphQLTestClient _resident = api.CreateGraphQLClient();

    [Fact]
    public async Task A_resident_gets_a_seat_and_a_token_to_cancel_with()
    {
        var course = await TestCourses.AddAsync(api, capacity: 3);

        var payload = await SignUpAsync(_resident, course, "An", email: "an@example.com");

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("CONFIRMED", (string?)payload["signUp"]!["status"]);
        Assert.Equal("WEB", (string?)payload["signUp"]!["channel"]);
        Assert.Equal(2, (int)payload["signUp"]!["course"]!["seatsLeft"]!);
        Assert.True(((string?)payload["cancellationToken"])?.Length >= 20);
    }

    [Fact]
    public async Task When_the_course_is_full_the_next_person_joins_the_waiting_list_in_order()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        await SignUpAsync(_resident, course, "Bart", email: "bart@example.com");

        var second = await SignUpAsync(_resident, course, "Carine", phone: "0470 12 34 56");
        var third = await SignUpAsync(_resident, course, "Dirk", email: "dirk@example.com");

        Assert.Equal("WAITLISTED", (string?)second["signUp"]!["status"]);
        Assert.Equal(1, (int)second["signUp"]!["waitlistPosition"]!);
        Assert.Equal(2, (int)third["signUp"]!["waitlistPosition"]!);
        Assert.Equal("FULL", (string?)third["signUp"]!["course"]!["status"]);
        Assert.Equal(2, (int)third["signUp"]!["course"]!["waitingListLength"]!);
    }

    [Fact]
    public async Task Declining_the_waiting_list_on_a_full_course_gives_COURSE_FULL_and_writes_nothing()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        await SignUpAsync(_resident, course, "Els", email: "els@example.com");
        var before = await CountSignUpsAsync();

        var payload = await SignUpAsync(_resident, course, "Frank", email: "frank@example.com", joinWaitingList: false);

        Assert.Equal(["COURSE_FULL"], Codes(payload));
        Assert.Null(payload["signUp"]);
        Assert.Equal(before, await CountSignUpsAsync());
    }

    [Fact]
    public async Task Staff_are_told_when_the_person_is_signed_up_already()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        await SignUpAsync(_resident, course, "Greet", email: "greet@example.com");
        var before = await CountSignUpsAsync();

        var again = await SignUpAsync(api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge"), course, "Greet", email: "GREET@example.com ");

        Assert.Equal(["ALREADY_SIGNED_UP"], Codes(again));
        Assert.Equal("CONFIRMED", (string?)again["errors"]![0]!["status"]);
        Assert.Equal(before, await CountSignUpsAsync());
    }

    [Fact]
    public async Task After_the_deadline_and_on_a_cancelled_course_sign_ups_are_refused()
    {
        var late = await TestCourses.AddAsync(api, capacity: 5, deadlineIn: TimeSpan.FromHours(-1));
        var cancelled = await TestCourses.AddAsync(api, capacity: 5, status: CourseStatus.Cancelled);

        Assert.Equal(["SIGN_UP_DEADLINE_PASSED"], Codes(await SignUpAsync(_resident, late, "Hilde", email: "hilde@example.com")));
        Assert.Equal(["COURSE_NOT_OPEN"], Codes(await SignUpAsync(_resident, cancelled, "Hilde", email: "hilde@example.com")));
    }

    [Theory]
    [InlineData("", "ivo@example.com", null, true, "firstName")]
    [InlineData("Ivo-met-een-voornaam-die-veel-te-lang-is-om-waar-te-zijn", "ivo@example.com", null, true, "firstName")]
    [InlineData("Ivo", "not-an-address", null, true, "email")]
    [InlineData("Ivo", null, "12ab", true, "phone")]
    [InlineData("Ivo", "ivo@example.com", "0470 12 34 56", true, "email")]
    [InlineData("Ivo", null, null, true, "email")]
    public async Task Invalid_input_is_named_and_nothing_is_written(string firstName, string? email, string? phone, bool consent, string field)
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var before = await CountSignUpsAsync();

        var payload = await SignUpAsync(_resident, course, firstName, email, phone, consent: consent);

        Assert.Contains("INVALID_INPUT", Codes(payload));
        Assert.Contains(payload["errors"]!.AsArray(), error => (string?)error!["field"] == field);
        Assert.Equal(before, await CountSignUpsAsync());
    }

    [Fact]
    public async Task Without_consent_nothing_is_kept()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);

        var payload = await SignUpAsync(_resident, course, "Jan", email: "jan@example.com", consent: false);

        Assert.Equal(["CONSENT_REQUIRED"], Codes(payload));
    }

    [Fact]
    public async Task Ids_of_the_wrong_kind_or_of_nothing_get_typed_errors()
    {
        var municipality = await TestCourses.MunicipalityIdAsync(api);

        var wrongKind = await SignUpAsync(_resident, municipality, "Kim", email: "kim@example.com");
        var missing = await SignUpAsync(_resident, GlobalId.Encode("Course", 999_999), "Kim", email: "kim@example.com");

        Assert.Equal(["INVALID_INPUT"], Codes(wrongKind));
        Assert.Equal("courseId", (string?)wrongKind["errors"]![0]!["field"]);
        Assert.Equal(["NOT_FOUND"], Codes(missing));
    }

    [Fact]
    public async Task Staff_sign_up_someone_without_e_mail_or_phone_at_the_counter()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5, helpPoint: "Buurtsalon Krombeke");
        var staff = api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke");

        var payload = await SignUpAsync(staff, course, "Lucienne");

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("COUNTER", (string?)payload["signUp"]!["channel"]);
    }

    [Fact]
    public async Task Cancelling_with_the_token_gives_the_seat_to_the_first_on_the_waiting_list()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        var first = await SignUpAsync(_resident, course, "Marc", email: "marc@example.com");
        var waiting1 = await SignUpAsync(_resident, course, "Nele", email: "nele@example.com");
        var waiting2 = await SignUpAsync(_resident, course, "Omer", email: "omer@example.com");

        var wrongToken = await _resident.QueryAsync(Cancel, new { input = new { signUpId = Id(first), cancellationToken = (string?)waiting1["cancellationToken"] } });
        var cancelled = await _resident.QueryAsync(Cancel, new { input = new { signUpId = Id(first), cancellationToken = (string?)first["cancellationToken"] } });

        Assert.Equal(["INVALID_CANCELLATION_TOKEN"], Codes(wrongToken["cancelSignUp"]!));
        var payload = cancelled["cancelSignUp"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal("CANCELLED", (string?)payload["signUp"]!["status"]);
        Assert.Equal(Id(waiting1), (string?)payload["promoted"]!["id"]);
        Assert.Equal("CONFIRMED", (string?)payload["promoted"]!["status"]);

        await using var db = api.CreateDbContext();
        var omer = await db.SignUps.SingleAsync(s => s.Id == GlobalId.DecodeFor("SignUp", Id(waiting2)));
        Assert.Equal(SignUpStatus.Waitlisted, omer.Status);
        Assert.Equal(1, omer.WaitlistPosition);

        var again = await _resident.QueryAsync(Cancel, new { input = new { signUpId = Id(first), cancellationToken = (string?)first["cancellationToken"] } });
        Assert.Equal(["SIGN_UP_NOT_ACTIVE"], Codes(again["cancelSignUp"]!));
    }

    [Fact]
    public async Task Leaving_the_waiting_list_moves_the_people_behind_up()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        await SignUpAsync(_resident, course, "Paul", email: "paul@example.com");
        var waiting1 = await SignUpAsync(_resident, course, "Quinten", email: "quinten@example.com");
        var waiting2 = await SignUpAsync(_resident, course, "Rita", email: "rita@example.com");

        await _resident.QueryAsync(Cancel, new { input = new { signUpId = Id(waiting1), cancellationToken = (string?)waiting1["cancellationToken"] } });

        await using var db = api.CreateDbContext();
        var rita = await db.SignUps.SingleAsync(s => s.Id == GlobalId.DecodeFor("SignUp", Id(waiting2)));
        Assert.Equal(1, rita.WaitlistPosition);
    }

    [Fact]
    public async Task Staff_cancel_for_their_own_help_point_only()
    {
        var course = await TestCourses.AddAsync(api, capacity: 2, helpPoint: "Bibliotheek Poperinge");
        var signUp = await SignUpAsync(_resident, course, "Sofie", email: "sofie@example.com");
        var elsewhere = api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke");
        var here = api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge");

        var refused = await elsewhere.QueryAsync(Cancel, new { input = new { signUpId = Id(signUp) } });
        var done = await here.QueryAsync(Cancel, new { input = new { signUpId = Id(signUp) } });

        Assert.Equal(["NOT_ALLOWED"], Codes(refused["cancelSignUp"]!));
        Assert.Empty(done["cancelSignUp"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task Staff_record_attendance_of_confirmed_participants()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        var confirmed = await SignUpAsync(_resident, course, "Tom", email: "tom@example.com");
        var waiting = await SignUpAsync(_resident, course, "Ulla", email: "ulla@example.com");
        var staff = api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge");
        const string Attendance = "mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) { signUp { status } errors { ... on Error { code } } } }";

        var attended = await staff.QueryAsync(Attendance, new { input = new { signUpId = Id(confirmed), attended = true } });
        var notConfirmed = await staff.QueryAsync(Attendance, new { input = new { signUpId = Id(waiting), attended = false } });
        var anonymous = await _resident.PostAsync(Attendance, new { input = new { signUpId = Id(confirmed), attended = false } });

        Assert.Equal("ATTENDED", (string?)attended["recordAttendance"]!["signUp"]!["status"]);
        Assert.Equal(["SIGN_UP_NOT_ACTIVE"], Codes(notConfirmed["recordAttendance"]!));
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
    }

    [Fact]
    public async Task Who_signed_up_is_visible_only_to_staff_of_the_course_s_help_point()
    {
        var course = await TestCourses.AddAsync(api, capacity: 2, helpPoint: "Bibliotheek Poperinge");
        var signUp = await SignUpAsync(_resident, course, "Vera", email: "vera@example.com");
        const string Participant = "query ($course: ID!) { courseSignUps(courseId: $course) { id participant { firstName email } } }";
        const string ThroughNode = "mutation ($input: CancelSignUpInput!) { cancelSignUp(input: $input) { signUp { participant { firstName } } } }";

        var anonymous = await _resident.PostAsync(Participant, new { course });
        var elsewhere = await api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke").PostAsync(Participant, new { course });
        var here = await api.CreateStaffClient(StaffRole.Staff, "Bibliotheek Poperinge").QueryAsync(Participant, new { course });
        var coordinator = await api.CreateStaffClient(StaffRole.Coordinator).QueryAsync(Participant, new { course });
        var residentPayload = await _resident.PostAsync(ThroughNode, new { input = new { signUpId = Id(signUp), cancellationToken = (string?)signUp["cancellationToken"] } });

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], elsewhere.ErrorCodes);
        Assert.Equal("Vera", (string?)here["courseSignUps"]![0]!["participant"]!["firstName"]);
        Assert.Equal("vera@example.com", (string?)coordinator["courseSignUps"]![0]!["participant"]!["email"]);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], residentPayload.ErrorCodes);
        Assert.DoesNotContain("Vera", residentPayload.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_up_payload()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        await SignUpAsync(_resident, course, "Wim", email: "wim@example.com");

        var payload = await SignUpAsync(_resident, course, "Xavier", email: "xavier@example.com");
        payload.AsObject().Remove("cancellationToken");
        payload["signUp"]!.AsObject().Remove("id");

        Snapshot.Match(payload.ToJsonString(new() { WriteIndented = true }));
    }

    private async Task<JsonNode> SignUpAsync(GraphQLTestClient client, string courseId, string firstName, string? email = null, string? phone = null, bool consent = true, bool joinWaitingList = true)
    {
        var data = await client.QueryAsync(SignUp, new
        {
            input = new
            {
                courseId,
                firstName,
                email,
                phone,
                municipalityId = await TestCourses.MunicipalityIdAsync(api),
                targetGroup = "SENIORS",
                consent,
                joinWaitingList,
            },
        });
        return data["signUpForCourse"]!;
    }

    private async Task<int> CountSignUpsAsync()
    {
        await using var db = api.CreateDbContext();
        return await db.SignUps.CountAsync();
    }

    private static string Id(JsonNode payload) => (string)payload["signUp"]!["id"]!;

    private static List<string?> Codes(JsonNode payload) => [.. payload["errors"]!.AsArray().Select(error => (string?)error!["code"])];
}
