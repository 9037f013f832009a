using System.Net;
using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Participants;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Devices;
using Digibank.Api.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Digibank.Api.Tests.Devices.LendingTestData;

namespace Digibank.Api.Tests.SelfService;

/// <summary>The links in residents' messages: opening one only asks, the button does it, and a changed or old link does nothing.</summary>
public sealed class SelfServiceLinkTests(NotificationsApiFactory api) : RestoresClock(api.Clock), IClassFixture<NotificationsApiFactory>
{
    private const string CancelSignUp = """
        mutation ($input: CancelSignUpInput!) { cancelSignUp(input: $input) { signUp { status } errors { ... on Error { code } } } }
        """;

    [Fact]
    public async Task The_link_in_the_e_mail_asks_first_then_frees_the_seat_for_the_first_on_the_waiting_list()
    {
        var course = await TestCourses.AddAsync(api, capacity: 1);
        var (seated, waiting) = ($"link-seat-{Guid.NewGuid():N}@example.com", $"link-wait-{Guid.NewGuid():N}@example.com");
        var signUp = await api.SignUpAsync(course, "Marleen", seated);
        await api.SignUpAsync(course, "Jozef", waiting);
        var link = new Uri(Residents.LinkIn((await api.MailToAsync(seated)).TextBody, "Wil je je plaats vrijgeven?"));
        var client = api.CreateClient();

        var opened = await client.GetAsync(link.PathAndQuery);
        var openedPage = await opened.Content.ReadAsStringAsync();
        var statusAfterOpening = await StatusAsync(signUp);
        var done = await client.PostAsync(link.PathAndQuery, null);
        var donePage = await done.Content.ReadAsStringAsync();
        var again = await (await client.PostAsync(link.PathAndQuery, null)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains($"Wil je je inschrijving voor &quot;{await api.TitleAsync(course)}&quot; op maandag 14 december 2026 annuleren?", openedPage, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\">", openedPage, StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.Confirmed, statusAfterOpening);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Je inschrijving is geannuleerd.", donePage, StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.Cancelled, await StatusAsync(signUp));
        Assert.Contains("Deze inschrijving was al geannuleerd.", again, StringComparison.Ordinal);
        Assert.StartsWith("Er is een plaats voor jou", (await api.MailToAsync(waiting, count: 2)).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_or_expired_link_does_nothing_and_says_so_plainly()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var signUp = await api.SignUpAsync(course, "Roger", $"tamper-{Guid.NewGuid():N}@example.com");
        var links = api.Services.GetRequiredService<SelfServiceLinks>();
        var token = links.Token(SelfServiceAction.CancelSignUp, SignUpIdOf(signUp));
        var parts = token.Split('.');
        var someoneElses = string.Join('.', parts[0], $"{int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 1}", parts[2], parts[3]);
        var client = api.CreateClient();

        var tampered = await client.PostAsync($"/self-service/{someoneElses}", null);
        var garbage = await client.GetAsync("/self-service/not-a-link");
        api.Clock.Current += TimeSpan.FromDays(61);
        var expired = await client.PostAsync($"/self-service/{token}", null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (tampered.StatusCode, garbage.StatusCode, expired.StatusCode));
        Assert.Contains("Deze link werkt niet (meer).", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SignUpStatus.Confirmed, await StatusAsync(signUp));
    }

    [Fact]
    public async Task The_token_of_a_link_cancels_through_GraphQL_too_but_only_the_sign_up_it_was_made_for()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var mine = await api.SignUpAsync(course, "Maria", $"mine-{Guid.NewGuid():N}@example.com");
        var other = await api.SignUpAsync(course, "Albert", $"other-{Guid.NewGuid():N}@example.com");
        var token = api.Services.GetRequiredService<SelfServiceLinks>().Token(SelfServiceAction.CancelSignUp, SignUpIdOf(mine));
        var graphQL = api.CreateGraphQLClient();

        var onOther = await graphQL.QueryAsync(CancelSignUp, new { input = new { signUpId = (string)other["signUp"]!["id"]!, cancellationToken = token } });
        var onMine = await graphQL.QueryAsync(CancelSignUp, new { input = new { signUpId = (string)mine["signUp"]!["id"]!, cancellationToken = token } });

        Assert.Equal("INVALID_CANCELLATION_TOKEN", (string?)onOther["cancelSignUp"]!["errors"]![0]!["code"]);
        Assert.Equal("CANCELLED", (string?)onMine["cancelSignUp"]!["signUp"]!["status"]);
    }

    [Fact]
    public async Task A_resident_cancels_a_reservation_with_the_token_they_got_and_confirms_a_device_set_aside_with_their_link()
    {
        var reserved = await api.CreateGraphQLClient().QueryAsync(
            "mutation ($input: ReserveDeviceInput!) { reserveDevice(input: $input) { reservation { id } cancellationToken errors { ... on Error { code } } } }",
            new
            {
                input = new
                {
                    helpPointId = await api.HelpPointGlobalIdAsync(Library), kind = "TABLET", firstName = "Odette", email = $"odette-{Guid.NewGuid():N}@example.com",
                    municipalityId = await api.MunicipalityGlobalIdAsync(), targetGroup = "SENIORS", consent = true,
                },
            });
        var reservation = reserved["reserveDevice"]!;
        var cancelled = await api.CreateGraphQLClient().MutateAsync(CancelReservationMutation, new
        {
            reservationId = (string)reservation["reservation"]!["id"]!,
            cancellationToken = (string)reservation["cancellationToken"]!,
        });
        var setAside = await ReadyReservationAsync();
        var confirm = new Uri(api.Services.GetRequiredService<SelfServiceLinks>().Url(SelfServiceAction.ConfirmReservation, setAside));
        var confirmed = await (await api.CreateClient().PostAsync(confirm.PathAndQuery, null)).Content.ReadAsStringAsync();

        Assert.Equal("CANCELLED", (string?)cancelled["reservation"]!["status"]);
        Assert.Contains("We weten nu dat je het toestel komt halen.", confirmed, StringComparison.Ordinal);
        await using var db = api.CreateDbContext();
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, (await db.Reservations.SingleAsync(r => r.Id == setAside)).ConfirmedAt);
    }

    [Fact]
    public async Task Every_answer_of_the_pages_keeps_out_frames_caches_and_anything_from_elsewhere_errors_and_expired_links_included()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5);
        var signUp = SignUpIdOf(await api.SignUpAsync(course, "Albert", $"headers-{Guid.NewGuid():N}@example.com"));
        var links = api.Services.GetRequiredService<SelfServiceLinks>();
        var link = $"/self-service/{links.Token(SelfServiceAction.CancelSignUp, signUp)}";
        var reservationLink = $"/self-service/{links.Token(SelfServiceAction.ConfirmReservation, await ReadyReservationAsync())}";
        var client = api.CreateClient();
        var answers = new List<(string Kind, HttpResponseMessage Response)>
        {
            ("the question", await client.GetAsync(link)),
            ("a device set aside", await client.GetAsync(reservationLink)),
            ("done", await client.PostAsync(link, null)),
            ("done already", await client.PostAsync(link, null)),
            ("nothing left to ask", await client.GetAsync(link)),
            ("a broken link", await client.GetAsync("/self-service/not-a-link")),
            ("a broken link's button", await client.PostAsync("/self-service/not-a-link", null)),
            ("a method the page does not take", await client.PutAsync(link, null)),
        };
        api.Clock.Current += TimeSpan.FromDays(61);
        answers.Add(("an expired link", await client.GetAsync(reservationLink)));
        answers.Add(("an expired link's button", await client.PostAsync(reservationLink, null)));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            answers.Take(7).Select(answer => answer.Response.StatusCode));
        Assert.True(answers.Skip(7).All(answer => (int)answer.Response.StatusCode >= 400), "A PUT or an expired link did something.");
        foreach (var (kind, response) in answers)
        {
            var policy = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? Assert.Single(values) : string.Empty;
            var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToDictionary(d => d.Split(' ')[0], d => d);
            Assert.True(directives.GetValueOrDefault("default-src") == "default-src 'none'", $"{kind}: {policy}");
            Assert.True(!directives.ContainsKey("script-src"), $"{kind}: {policy}");
            Assert.True(directives.GetValueOrDefault("frame-ancestors") == "frame-ancestors 'none'", $"{kind}: {policy}");
            Assert.True(directives.GetValueOrDefault("form-action") == "form-action 'self'", $"{kind}: {policy}");
            Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frames) && frames.Single() == "DENY", kind);
            Assert.True(response.Headers.CacheControl?.NoStore == true, kind);
            Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", kind);
            var page = await response.Content.ReadAsStringAsync();
            if (page.Contains("<style>", StringComparison.Ordinal))
            {
                // The page's own style is let in by its hash, so it looks as it should without opening the door to injected styles.
                var style = page[(page.IndexOf("<style>", StringComparison.Ordinal) + 7)..page.IndexOf("</style>", StringComparison.Ordinal)];
                var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));
                Assert.True(directives.GetValueOrDefault("style-src") == $"style-src 'sha256-{hash}'", $"{kind}: {policy}");
            }
        }
    }

    private async Task<int> ReadyReservationAsync()
    {
        var participantId = await api.NewBorrowerAsync("Lucienne");
        await using var db = api.CreateDbContext();
        var point = await db.HelpPoints.SingleAsync(h => h.Name == Library);
        var tablet = await db.Devices.AsTracking().FirstAsync(d => d.HomeHelpPointId == point.Id && d.Kind == DeviceKind.Tablet && d.Status == DeviceStatus.Available);
        tablet.Status = DeviceStatus.Reserved;
        await db.SaveChangesAsync();
        var reservation = db.Reservations.Add(new Reservation
        {
            HelpPointId = point.Id,
            Kind = DeviceKind.Tablet,
            ParticipantId = participantId,
            Status = ReservationStatus.Ready,
            DeviceId = tablet.Id,
            ReadyUntil = api.Clock.GetUtcNow().UtcDateTime.AddDays(7),
            CreatedAt = api.Clock.GetUtcNow().UtcDateTime,
        }).Entity;
        await db.SaveChangesAsync();
        return reservation.Id;
    }

    private static int SignUpIdOf(System.Text.Json.Nodes.JsonNode payload) => GlobalId.DecodeFor(SignUpType.TypeName, (string)payload["signUp"]!["id"]!);

    private async Task<SignUpStatus> StatusAsync(System.Text.Json.Nodes.JsonNode payload)
    {
        await using var db = api.CreateDbContext();
        var id = SignUpIdOf(payload);
        return await db.SignUps.Where(s => s.Id == id).Select(s => s.Status).SingleAsync();
    }
}
