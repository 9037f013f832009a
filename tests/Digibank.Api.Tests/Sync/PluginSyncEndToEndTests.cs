using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL.Relay;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Sync;

/// <summary>The API and the plug-in host run together; the sample plug-ins sync their partners' files.</summary>
public sealed class PluginSyncEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private PluginSyncApiFactory _api = null!;
    private GraphQLTestClient _client = null!;
    private GraphQLTestClient _coordinator = null!;

    public Task InitializeAsync()
    {
        _api = PluginSyncApiFactory.Start();
        _client = _api.CreateLoopbackGraphQLClient();
        // A run's error is for staff only.
        _coordinator = _api.CreateStaffClient(Digibank.Api.Staff.StaffRole.Coordinator);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task The_sample_plug_ins_sync_and_their_courses_are_in_the_catalogue()
    {
        foreach (var partner in new[] { "ligo", "vdab", "bib-poperinge" })
        {
            var sync = await UntilAsync(() => LastSyncAsync(partner), run => (string?)run?["outcome"] == "SUCCEEDED");
            Assert.True((int)sync!["offersCreated"]! + (int)sync["offersUnchanged"]! > 0, $"{partner} synced no offers");
        }

        var ligo = await CoursesAsync("ligo");
        Assert.Contains(ligo, course => (string?)course!["externalId"] == "LIGO-2027-0101");
        Assert.DoesNotContain(ligo, course => (string?)course!["externalId"] == "LIGO-2027-0190"); // capacity 0: rejected
    }

    [Fact]
    public async Task A_changed_row_appears_after_the_next_run_and_a_removed_one_is_withdrawn()
    {
        await UntilAsync(() => CoursesAsync("ligo"), courses => courses.Any(c => (string?)c!["externalId"] == "LIGO-2027-0110"));
        var file = Path.Combine(_api.PluginsFolder, "Digibank.Plugins.Ligo", "cursussen.csv");
        var lines = await File.ReadAllLinesAsync(file);
        var edited = lines
            .Where(line => !line.StartsWith("LIGO-2027-0102;", StringComparison.Ordinal))
            .Select(line => line.StartsWith("LIGO-2027-0110;", StringComparison.Ordinal) ? line.Replace("Smartschool voor ouders", "Smartschool voor ouders en grootouders", StringComparison.Ordinal) : line);
        // Replaced in one step, as an export tool writing a new file does: a plug-in reading in the middle of an
        // in-place rewrite would sync half a file, which is not what this test is about.
        await File.WriteAllLinesAsync(file + ".new", edited);
        File.Move(file + ".new", file, overwrite: true);

        var courses = await UntilAsync(() => CoursesAsync("ligo"), courses =>
            courses.Any(c => (string?)c!["title"] == "Smartschool voor ouders en grootouders")
            && courses.All(c => (string?)c!["externalId"] != "LIGO-2027-0102"));

        Assert.Contains(courses, c => (string?)c!["externalId"] == "LIGO-2027-0101");
    }

    [Fact]
    public async Task A_second_sync_of_unchanged_files_changes_nothing()
    {
        var second = await UntilAsync(() => LastSyncAsync("vdab"), run =>
            (string?)run?["outcome"] == "SUCCEEDED" && (int)run["offersCreated"]! == 0 && (int)run["offersUnchanged"]! > 0);

        Assert.Equal(0, (int)second!["offersUpdated"]!);
        Assert.Equal(0, (int)second["offersWithdrawn"]!);
    }

    [Fact]
    public async Task Sign_ups_taken_by_LIGO_hold_seats_and_one_made_on_the_platform_reaches_LIGO()
    {
        var course = (await UntilAsync(() => CoursesAsync("ligo"), courses =>
            courses.Any(c => (string?)c!["externalId"] == "LIGO-2027-0101" && (int)c["seatsLeft"]! < (int)c["capacity"]!)))
            .Single(c => (string?)c!["externalId"] == "LIGO-2027-0101")!;
        var towns = await _client.QueryAsync("{ municipalities(where: { name: { eq: \"Vleteren\" } }) { nodes { id } } }");

        var signUp = await _client.QueryAsync(
            "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { signUp { status } errors { ... on Error { code } } } }",
            new { input = new { courseId = (string)course["id"]!, firstName = "Godelieve", phone = "0471 23 45 67", municipalityId = (string)towns["municipalities"]!["nodes"]![0]!["id"]!, targetGroup = "SENIORS", consent = true } });
        Assert.Empty(signUp["signUpForCourse"]!["errors"]!.AsArray());

        var outbox = Path.Combine(_api.PluginsFolder, "Digibank.Plugins.Ligo", "outbox", "inschrijvingen-digibank.csv");
        var written = await UntilAsync(async () => File.Exists(outbox) ? await File.ReadAllTextAsync(outbox) : string.Empty, text => text.Contains("Godelieve", StringComparison.Ordinal));
        Assert.Contains("LIGO-2027-0101", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_faulty_plug_in_is_contained_and_the_others_keep_syncing()
    {
        await UntilAsync(() => LastSyncAsync("bib-poperinge"), run => (string?)run?["outcome"] == "SUCCEEDED");
        await File.WriteAllTextAsync(Path.Combine(_api.PluginsFolder, "Digibank.Plugins.Bibliotheek", "vormingen.ics"), "dit is geen kalender");
        // Every plug-in runs on its own schedule: VDAB may not have finished a first run yet.
        var vdabBefore = (DateTime)(await UntilAsync(() => LastSyncAsync("vdab"), run => run is not null))!["finishedAt"]!;

        var failed = await UntilAsync(() => LastSyncAsync("bib-poperinge"), run => (string?)run?["outcome"] == "FAILED");
        var vdab = await UntilAsync(() => LastSyncAsync("vdab"), run => (DateTime)run!["finishedAt"]! > vdabBefore);

        Assert.Equal("FAILED", (string?)failed!["outcome"]);
        Assert.Equal("SUCCEEDED", (string?)vdab!["outcome"]);
        var stillThere = await CoursesAsync("bib-poperinge");
        Assert.NotEmpty(stillThere);
    }

    [Fact]
    public async Task An_empty_export_withdraws_nothing_and_the_run_waits_for_a_coordinator()
    {
        var before = await UntilAsync(() => CoursesAsync("ligo"), courses => courses.Any(c => (string?)c!["externalId"] == "LIGO-2027-0101"));
        var file = Path.Combine(_api.PluginsFolder, "Digibank.Plugins.Ligo", "cursussen.csv");
        var header = (await File.ReadAllLinesAsync(file))[0];
        await File.WriteAllTextAsync(file + ".new", header + "\n");
        File.Move(file + ".new", file, overwrite: true);

        var held = await UntilAsync(() => LastSyncAsync("ligo"), run => (string?)run?["outcome"] == "NEEDS_CONFIRMATION");

        Assert.Equal(0, (int)held!["offersWithdrawn"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)held["error"]));
        Assert.Equal(before.Count, (await CoursesAsync("ligo")).Count);
    }

    [Fact]
    public async Task The_plug_ins_run_in_worker_processes_and_none_of_their_code_is_loaded_into_the_api()
    {
        await UntilAsync(() => LastSyncAsync("ligo"), run => (string?)run?["outcome"] == "SUCCEEDED");

        var loaded = AssemblyLoadContext.All.SelectMany(context => context.Assemblies).Select(assembly => assembly.GetName().Name ?? string.Empty);
        Assert.DoesNotContain(loaded, name => name.StartsWith("Digibank.Plugins.", StringComparison.Ordinal)
            && name is not ("Digibank.Plugins.Abstractions" or "Digibank.Plugins.Host"));
        Assert.DoesNotContain(AssemblyLoadContext.All, context => context.Name?.Contains("Ligo", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_plug_in_that_crashes_its_process_leaves_the_api_answering_and_is_quarantined_with_the_reason()
    {
        await UntilAsync(() => LastSyncAsync("ligo"), run => (string?)run?["outcome"] == "SUCCEEDED");
        PluginSyncApiFactory.AddFaultyPlugin(_api.PluginsFolder, "de-lovie", fault: "thread");

        var quarantined = await UntilAsync(() => LastSyncAsync("de-lovie"), run => (string?)run?["outcome"] == "QUARANTINED");

        Assert.Contains("Stopped after 3 crashes in a row", (string?)quarantined!["error"], StringComparison.Ordinal);
        Assert.Contains("The partner's SDK failed on a thread of its own.", (string?)quarantined["error"], StringComparison.Ordinal);
        var ligoBefore = (DateTime)(await LastSyncAsync("ligo"))!["finishedAt"]!;
        await UntilAsync(() => LastSyncAsync("ligo"), run => (DateTime)run!["finishedAt"]! > ligoBefore && (string?)run["outcome"] == "SUCCEEDED");
        using var impatient = new HttpClient { BaseAddress = _client.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(1) };
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var catalogue = await new GraphQLTestClient(impatient).QueryAsync("{ courses(first: 5) { totalCount } }");
            Assert.True((int)catalogue["courses"]!["totalCount"]! > 0);
        }
    }

    [Fact]
    public async Task A_person_the_coordinator_erases_is_taken_out_of_the_outboxes_of_the_three_plug_ins()
    {
        string[] personal = ["Godelieve", "godelieve@example.com"];
        var outboxes = new Dictionary<string, string>
        {
            ["ligo"] = Path.Combine(_api.PluginsFolder, "Digibank.Plugins.Ligo", "outbox", "inschrijvingen-digibank.csv"),
            ["bib-poperinge"] = Path.Combine(_api.PluginsFolder, "Digibank.Plugins.Bibliotheek", "outbox", "digibank-inschrijvingen.csv"),
            ["vdab"] = Path.Combine(_api.PluginsFolder, "Digibank.Plugins.Vdab", "outbox", "digibank-inschrijvingen.json"),
        };
        var signUps = new Dictionary<string, string>();
        foreach (var partner in outboxes.Keys)
        {
            signUps[partner] = await SignUpGodelieveAsync(partner);
            await UntilAsync(() => ReadAsync(outboxes[partner]), text => personal.All(value => text.Contains(value, StringComparison.Ordinal)));
        }

        await using (var db = _api.CreateDbContext())
        {
            var signUpId = GlobalId.DecodeFor("SignUp", signUps["ligo"]);
            var participantId = await db.SignUps.Where(s => s.Id == signUpId).Select(s => s.ParticipantId).SingleAsync();
            var erased = await _coordinator.QueryAsync(
                "mutation ($input: EraseParticipantInput!) { eraseParticipant(input: $input) { errors { ... on Error { code } } } }",
                new { input = new { participantId = GlobalId.Encode("Participant", participantId) } });
            Assert.Empty(erased["eraseParticipant"]!["errors"]!.AsArray());
        }

        foreach (var (partner, outbox) in outboxes)
        {
            var text = await UntilAsync(() => ReadAsync(outbox), text => !personal.Any(value => text.Contains(value, StringComparison.Ordinal)));
            // Her sign-up and what happened to it stay, for the partner's own records; only who she is goes.
            Assert.Contains(signUps[partner], text, StringComparison.Ordinal);
        }

        static async Task<string> ReadAsync(string path) => File.Exists(path) ? await File.ReadAllTextAsync(path) : string.Empty;
    }

    /// <summary>Godelieve signs up on the platform for a course of the partner that takes sign-ups; always the same person, by her address.</summary>
    private async Task<string> SignUpGodelieveAsync(string partner)
    {
        var courses = await UntilAsync(
            async () => (await _client.QueryAsync(
                "query ($code: String) { courses(first: 20, where: { partner: { code: { eq: $code } }, status: { eq: SCHEDULED }, seatsLeft: { gt: 0 } }) { nodes { id } } }",
                new { code = partner }))["courses"]!["nodes"]!.AsArray(),
            nodes => nodes.Count > 0);
        var town = (string)(await _client.QueryAsync("{ municipalities(where: { name: { eq: \"Vleteren\" } }) { nodes { id } } }"))["municipalities"]!["nodes"]![0]!["id"]!;
        foreach (var course in courses)
        {
            var payload = (await _client.QueryAsync(
                "mutation ($input: SignUpForCourseInput!) { signUpForCourse(input: $input) { signUp { id } errors { ... on Error { code } } } }",
                new { input = new { courseId = (string)course!["id"]!, firstName = "Godelieve", email = "godelieve@example.com", municipalityId = town, targetGroup = "SENIORS", consent = true } }))["signUpForCourse"]!;
            if (payload["errors"]!.AsArray().Count == 0)
            {
                return (string)payload["signUp"]!["id"]!;
            }
        }

        throw new InvalidOperationException($"No course of {partner} took Godelieve's sign-up.");
    }

    private async Task<JsonNode?> LastSyncAsync(string partner)
    {
        var data = await _coordinator.QueryAsync(
            "query ($code: String) { partners(where: { code: { eq: $code } }) { nodes { lastSync { outcome error offersCreated offersUpdated offersUnchanged offersWithdrawn offersRejected finishedAt } } } }",
            new { code = partner });
        return data["partners"]!["nodes"]![0]!["lastSync"];
    }

    private async Task<JsonArray> CoursesAsync(string partner) =>
        (await _client.QueryAsync(
            "query ($code: String) { courses(first: 100, where: { partner: { code: { eq: $code } } }) { nodes { id externalId title capacity seatsLeft } } }",
            new { code = partner }))["courses"]!["nodes"]!.AsArray();

    /// <summary>Asks again every 200 ms until the answer fits, for at most <see cref="Patience"/>.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> fits)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var answer = await ask();
            if (fits(answer))
            {
                return answer;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Still not there after {Patience.TotalSeconds} s; last answer: {answer}");
            }

            await Task.Delay(200);
        }
    }
}
