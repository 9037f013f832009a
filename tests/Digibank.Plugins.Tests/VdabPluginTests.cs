using System.Text.Json;
using Digibank.Plugins.Vdab;

namespace Digibank.Plugins.Tests;

public sealed class VdabPluginTests : IDisposable
{
    private const string Samples = "Digibank.Plugins.Vdab";
    private readonly DataFolder _data = new();
    private readonly VdabPlugin _plugin = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Is_the_vdab_partner() => Assert.Equal("vdab", _plugin.PartnerCode);

    [Fact]
    public async Task First_run_copies_the_samples_into_an_empty_data_folder()
    {
        await _plugin.ReadOffersAsync(_data.Context(Samples), CancellationToken.None).ToListAsync();

        Assert.True(File.Exists(_data["opleidingen.json"]));
        Assert.True(File.Exists(_data["inschrijvingen.json"]));
        Assert.True(File.Exists(_data["README.md"]));
    }

    [Fact]
    public async Task Reads_the_sample_catalogue()
    {
        var offers = (await _plugin.ReadOffersAsync(_data.Context(Samples), CancellationToken.None).ToListAsync()).ToDictionary(offer => offer.ExternalId);

        // 7 good trainings and 3 the platform must reject; 2 unreadable ones are left out.
        Assert.Equal(10, offers.Count);

        var cv = offers["VDAB-DIG-201"];
        Assert.Equal("Online solliciteren: je cv en Mijn Loopbaan", cv.Title);
        Assert.Equal(["job-search", "email"], cv.Topics);
        Assert.Equal(["JOB_SEEKERS"], cv.TargetGroups);
        Assert.Equal("Bibliotheek Poperinge", cv.HelpPointName);
        Assert.Null(cv.VenueName);
        Assert.Equal(12, cv.Capacity);
        Assert.Equal(3, cv.Sessions.Count);
        Assert.Equal(new SessionOffer(Utc.At(2027, 1, 14, 8, 0), Utc.At(2027, 1, 14, 11, 0), "Vormingslokaal"), cv.Sessions[0]);
        Assert.Equal(Utc.At(2027, 1, 7, 22, 59), cv.SignUpDeadline);

        Assert.Equal("PLAIN_DUTCH", offers["VDAB-DIG-202"].Language);
        Assert.Equal("FRENCH", offers["VDAB-DIG-203"].Language);

        var profile = offers["VDAB-DIG-204"];
        Assert.Equal("INTERMEDIATE", profile.Level);
        Assert.Equal("Heuvelland", profile.Municipality);
        Assert.Equal(Utc.At(2027, 4, 6, 7, 0), profile.Sessions[0].StartsAt);
        Assert.Equal(Utc.At(2027, 4, 2, 21, 59, 59), profile.SignUpDeadline);
        Assert.False(profile.WheelchairAccessible);

        var ieper = offers["VDAB-DIG-206"];
        Assert.Null(ieper.HelpPointName);
        Assert.Equal("VDAB Competentiecentrum Ieper", ieper.VenueName);
        Assert.Equal("Industrielaan 12", ieper.VenueStreet);
        Assert.Equal("Ieper", ieper.Municipality);
        Assert.Equal(1250, ieper.PriceCents);
        Assert.Equal(0, ieper.ReducedPriceCents);

        // Cancelled, and its session time has no offset: Belgian time.
        var cancelled = offers["VDAB-DIG-207"];
        Assert.True(cancelled.Cancelled);
        Assert.Equal("Vleteren", cancelled.Municipality);
        Assert.Equal(Utc.At(2027, 2, 25, 8, 0), cancelled.Sessions[0].StartsAt);
    }

    [Fact]
    public async Task Passes_on_what_the_platform_must_judge_and_skips_what_it_cannot_read()
    {
        var offers = (await _plugin.ReadOffersAsync(_data.Context(Samples), CancellationToken.None).ToListAsync()).ToDictionary(offer => offer.ExternalId);

        Assert.Equal(0, offers["VDAB-DIG-290"].Capacity);
        var backwards = Assert.Single(offers["VDAB-DIG-291"].Sessions);
        Assert.True(backwards.EndsAt < backwards.StartsAt);
        Assert.Equal("VDAB Werkwinkel Poperinge", offers["VDAB-DIG-292"].HelpPointName);

        Assert.DoesNotContain("VDAB-DIG-293", offers.Keys);
        Assert.DoesNotContain("VDAB-DIG-294", offers.Keys);
        Assert.Equal(2, _data.Log.Warnings.Count);
        Assert.Contains(_data.Log.Warnings, warning => warning.Contains("VDAB-DIG-293", StringComparison.Ordinal));
        Assert.Contains(_data.Log.Warnings, warning => warning.Contains("VDAB-DIG-294", StringComparison.Ordinal) && warning.Contains("volgende dinsdag", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_the_sign_ups_vdab_took()
    {
        var signUps = (await _plugin.ReadSignUpsAsync(_data.Context(Samples), CancellationToken.None).ToListAsync()).ToDictionary(signUp => signUp.ExternalId);

        Assert.Equal(5, signUps.Count);
        Assert.Equal(new SignUpRecord("VDAB-INS-770042", "VDAB-DIG-201", "Noëlla", null, "0468 22 33 44", "Poperinge", "JOB_SEEKERS"), signUps["VDAB-INS-770042"]);
        Assert.True(signUps["VDAB-INS-770044"].Cancelled);
        Assert.Equal("Heuvelland", signUps["VDAB-INS-770045"].Municipality);
        Assert.Single(_data.Log.Warnings);
    }

    [Fact]
    public async Task Reads_a_bare_array_without_the_optional_fields()
    {
        _data.Write("opleidingen.json", """[ { "opleidingsId": "VDAB-X-1", "titel": "Kort", "sessies": [ { "start": "2027-01-05T14:00:00Z", "einde": "2027-01-05T16:00:00Z" } ] } ]""");

        var offer = Assert.Single(await _plugin.ReadOffersAsync(_data.Context(), CancellationToken.None).ToListAsync());

        Assert.Equal([new SessionOffer(Utc.At(2027, 1, 5, 14, 0), Utc.At(2027, 1, 5, 16, 0))], offer.Sessions);
        Assert.Empty(offer.TargetGroups);
        Assert.Equal(0, offer.PriceCents);
        Assert.Null(offer.ReducedPriceCents);
        Assert.Empty(_data.Log.Warnings);
        Assert.Empty(await _plugin.ReadSignUpsAsync(_data.Context(), CancellationToken.None).ToListAsync());
    }

    [Theory]
    [InlineData("{ \"opleidingen\": [ { \"opleidingsId\": ")]
    [InlineData("{ \"trainings\": [] }")]
    [InlineData("")]
    public async Task A_file_that_is_not_the_catalogue_fails_the_run(string content)
    {
        _data.Write("opleidingen.json", content);

        await Assert.ThrowsAsync<InvalidDataException>(() => _plugin.ReadOffersAsync(_data.Context(), CancellationToken.None).ToListAsync().AsTask());
    }

    [Fact]
    public async Task Keeps_platform_sign_ups_in_one_json_array_and_appends_on_the_next_run()
    {
        var context = _data.Context();
        await _plugin.WriteSignUpChangesAsync(
            [new SignUpChange("SU-1", "VDAB-DIG-201", "CONFIRMED", null, "Noëlla", "noella@example.be", null, Utc.At(2027, 1, 12, 13, 5))],
            context,
            CancellationToken.None);
        await _plugin.WriteSignUpChangesAsync(
            [
                new SignUpChange("SU-2", "VDAB-DIG-201", "WAITLISTED", 1, "Kevin", null, "0495 66 77 88", Utc.At(2027, 7, 1, 8, 0)),
                new SignUpChange("SU-1", "VDAB-DIG-201", "CANCELLED", null, null, null, null, Utc.At(2027, 1, 13, 9, 0)),
            ],
            context,
            CancellationToken.None);

        var path = _data["outbox/digibank-inschrijvingen.json"];
        var text = File.ReadAllText(path);
        Assert.Contains("\"Noëlla\"", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        var items = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("SU-1", items[0].GetProperty("digibankId").GetString());
        Assert.Equal("VDAB-DIG-201", items[0].GetProperty("opleidingsId").GetString());
        Assert.Equal("BEVESTIGD", items[0].GetProperty("status").GetString());
        Assert.Equal("2027-01-12T14:05:00+01:00", items[0].GetProperty("gewijzigdOp").GetString());
        Assert.Equal("WACHTLIJST", items[1].GetProperty("status").GetString());
        Assert.Equal(1, items[1].GetProperty("wachtlijstPositie").GetInt32());
        Assert.Equal("2027-07-01T10:00:00+02:00", items[1].GetProperty("gewijzigdOp").GetString());
        Assert.Equal("GEANNULEERD", items[2].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("voornaam").ValueKind);
        Assert.Equal(["digibank-inschrijvingen.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_outbox_that_is_not_a_json_array_fails_the_run_and_stays_as_it_was()
    {
        Directory.CreateDirectory(_data["outbox"]);
        _data.Write("outbox/digibank-inschrijvingen.json", "{ \"handmatig\": true }");

        await Assert.ThrowsAsync<JsonException>(() => _plugin.WriteSignUpChangesAsync(
            [new SignUpChange("SU-1", "VDAB-DIG-201", "CONFIRMED", null, "Jonas", null, null, Utc.At(2027, 1, 12, 13, 5))],
            _data.Context(),
            CancellationToken.None));
        Assert.Equal("{ \"handmatig\": true }", File.ReadAllText(_data["outbox/digibank-inschrijvingen.json"]));
    }

    [Fact]
    public async Task An_erasure_notice_takes_the_name_and_contact_out_of_the_earlier_entries_of_that_sign_up()
    {
        var context = _data.Context();
        await _plugin.WriteSignUpChangesAsync(
            [
                new SignUpChange("SU-1", "VDAB-DIG-201", "CONFIRMED", null, "Noëlla", "noella@example.be", "0495 11 22 33", Utc.At(2027, 1, 12, 13, 5)),
                new SignUpChange("SU-2", "VDAB-DIG-201", "WAITLISTED", 1, "Kevin", "kevin@example.be", null, Utc.At(2027, 1, 12, 14, 0)),
            ],
            context,
            CancellationToken.None);

        await _plugin.WriteSignUpChangesAsync(
            [new SignUpChange("SU-1", "VDAB-DIG-201", "CANCELLED", null, null, null, null, Utc.At(2027, 1, 13, 9, 0)) { Erased = true }],
            context,
            CancellationToken.None);

        var path = _data["outbox/digibank-inschrijvingen.json"];
        var text = File.ReadAllText(path);
        Personal.AbsentFrom(text, "Noëlla", "noella@example.be", "0495 11 22 33");
        using var document = JsonDocument.Parse(text);
        var items = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(["SU-1", "SU-2", "SU-1"], items.Select(item => item.GetProperty("digibankId").GetString()));
        Assert.Equal(["BEVESTIGD", "WACHTLIJST", "GEANNULEERD"], items.Select(item => item.GetProperty("status").GetString()));
        Assert.Equal("Kevin", items[1].GetProperty("voornaam").GetString());
        Assert.Equal("kevin@example.be", items[1].GetProperty("email").GetString());
        Assert.Equal(["digibank-inschrijvingen.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }
}
