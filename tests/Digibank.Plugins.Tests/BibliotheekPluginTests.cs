using Digibank.Plugins.Bibliotheek;

namespace Digibank.Plugins.Tests;

public sealed class BibliotheekPluginTests : IDisposable
{
    private const string Samples = "Digibank.Plugins.Bibliotheek";
    private readonly DataFolder _data = new();
    private readonly BibliotheekPlugin _plugin = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Is_the_library_partner() => Assert.Equal("bib-poperinge", _plugin.PartnerCode);

    [Fact]
    public async Task First_run_copies_the_samples_into_an_empty_data_folder()
    {
        await _plugin.ReadSignUpsAsync(_data.Context(Samples), CancellationToken.None).ToListAsync();

        Assert.True(File.Exists(_data["vormingen.ics"]));
        Assert.True(File.Exists(_data["balie-inschrijvingen.csv"]));
    }

    [Fact]
    public async Task Reads_the_sample_calendar_as_courses()
    {
        var offers = (await _plugin.ReadOffersAsync(_data.Context(Samples), CancellationToken.None).ToListAsync()).ToDictionary(offer => offer.ExternalId);

        // 8 good courses and 3 the platform must reject; 2 unreadable ones are left out.
        Assert.Equal(11, offers.Count);

        // A weekly RRULE: four Wednesdays, 09:30 Belgian winter time.
        var smartphone = offers["BIB-POP-31"];
        Assert.Equal("Starten met je smartphone (reeks van 4)", smartphone.Title);
        Assert.Contains("Breng je eigen smartphone mee", smartphone.Summary, StringComparison.Ordinal);
        Assert.Equal(
            [Utc.At(2027, 1, 13, 8, 30), Utc.At(2027, 1, 20, 8, 30), Utc.At(2027, 1, 27, 8, 30), Utc.At(2027, 2, 3, 8, 30)],
            smartphone.Sessions.Select(session => session.StartsAt));
        Assert.All(smartphone.Sessions, session => Assert.Equal(TimeSpan.FromHours(2), session.EndsAt - session.StartsAt));
        Assert.All(smartphone.Sessions, session => Assert.Equal("Vormingslokaal", session.Room));
        Assert.Equal(["smartphone-basics"], smartphone.Topics);
        Assert.Equal(["SENIORS"], smartphone.TargetGroups);
        Assert.Equal(2000, smartphone.PriceCents);
        Assert.Equal(500, smartphone.ReducedPriceCents);
        Assert.Equal(12, smartphone.Capacity);
        Assert.Equal("Bibliotheek Poperinge", smartphone.HelpPointName);
        Assert.Equal("Poperinge", smartphone.Municipality);
        Assert.Equal(Utc.At(2027, 1, 10, 22, 59), smartphone.SignUpDeadline);
        Assert.True(smartphone.WheelchairAccessible);
        Assert.Equal("Er is een ringleiding voor hoorapparaten.", smartphone.AccessibilityNotes);

        // Sessions grouped by UID; the cancelled third one is left out of the running course.
        var email = offers["BIB-POP-32"];
        Assert.False(email.Cancelled);
        Assert.Equal([Utc.At(2027, 1, 22, 13, 0), Utc.At(2027, 1, 29, 13, 0)], email.Sessions.Select(session => session.StartsAt));
        Assert.Equal(["SENIORS", "EVERYONE"], email.TargetGroups);
        Assert.Equal(Utc.At(2027, 1, 20, 22, 59, 59), email.SignUpDeadline);

        Assert.Equal("INTERMEDIATE", offers["BIB-POP-33"].Level);
        Assert.Equal(0, offers["BIB-POP-34"].PriceCents);
        Assert.Equal(["PARENTS"], offers["BIB-POP-35"].TargetGroups);

        var burgerprofiel = offers["BIB-POP-36"];
        Assert.Equal("Buurtsalon Krombeke", burgerprofiel.HelpPointName);
        Assert.Equal("Poperinge", burgerprofiel.Municipality);
        Assert.Equal("PLAIN_DUTCH", burgerprofiel.Language);
        Assert.Equal(["mijn-burgerprofiel", "itsme", "eid"], burgerprofiel.Topics);

        var cancelled = offers["BIB-POP-37"];
        Assert.True(cancelled.Cancelled);
        Assert.Single(cancelled.Sessions);

        // A venue from LOCATION, in summer time.
        var digicafe = offers["BIB-POP-38"];
        Assert.Null(digicafe.HelpPointName);
        Assert.Equal("Huize Proventier", digicafe.VenueName);
        Assert.Equal("Doornstraat 4", digicafe.VenueStreet);
        Assert.Equal("Poperinge", digicafe.Municipality);
        Assert.Equal([new SessionOffer(Utc.At(2027, 4, 15, 12, 0), Utc.At(2027, 4, 15, 14, 0), "Bistro")], digicafe.Sessions);
    }

    [Fact]
    public async Task Passes_on_what_the_platform_must_judge_and_skips_what_it_cannot_read()
    {
        var offers = (await _plugin.ReadOffersAsync(_data.Context(Samples), CancellationToken.None).ToListAsync()).ToDictionary(offer => offer.ExternalId);

        Assert.Equal(0, offers["BIB-POP-90"].Capacity);
        var backwards = Assert.Single(offers["BIB-POP-91"].Sessions);
        Assert.True(backwards.EndsAt < backwards.StartsAt);
        Assert.Equal("Bibliotheek Proven", offers["BIB-POP-92"].HelpPointName);

        Assert.DoesNotContain("BIB-POP-93", offers.Keys);
        Assert.DoesNotContain("BIB-POP-94", offers.Keys);
        Assert.Equal(2, _data.Log.Warnings.Count);
        Assert.Contains(_data.Log.Warnings, warning => warning.Contains("BIB-POP-93", StringComparison.Ordinal) && warning.Contains("DTSTART", StringComparison.Ordinal));
        Assert.Contains(_data.Log.Warnings, warning => warning.Contains("BIB-POP-94", StringComparison.Ordinal) && warning.Contains("twaalf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_floating_and_utc_times_and_groups_by_the_course_property()
    {
        _data.Write("vormingen.ics", """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Test//NL
            BEGIN:VEVENT
            UID:a1@example.be
            DTSTAMP:20261201T080000Z
            DTSTART:20270705T100000
            DTEND:20270705T120000
            SUMMARY:Floating: Belgian time
            X-DIGIBANK-COURSE:BIB-T-1
            END:VEVENT
            BEGIN:VEVENT
            UID:a2@example.be
            DTSTAMP:20261201T080000Z
            DTSTART:20270712T080000Z
            DURATION:PT2H
            SUMMARY:Floating: Belgian time
            X-DIGIBANK-COURSE:BIB-T-1
            END:VEVENT
            BEGIN:VEVENT
            UID:BIB-T-2@example.be
            DTSTAMP:20261201T080000Z
            DTSTART;VALUE=DATE:20270706
            SUMMARY:All day
            END:VEVENT
            END:VCALENDAR
            """);

        var offer = Assert.Single(await _plugin.ReadOffersAsync(_data.Context(), CancellationToken.None).ToListAsync());

        Assert.Equal("BIB-T-1", offer.ExternalId);
        Assert.Equal(
            [new SessionOffer(Utc.At(2027, 7, 5, 8, 0), Utc.At(2027, 7, 5, 10, 0)), new SessionOffer(Utc.At(2027, 7, 12, 8, 0), Utc.At(2027, 7, 12, 10, 0))],
            offer.Sessions);
        Assert.Equal(0, offer.Capacity);
        Assert.Null(offer.HelpPointName);
        var warning = Assert.Single(_data.Log.Warnings);
        Assert.Contains("all day", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_calendar_fails_the_run()
    {
        _data.Write("vormingen.ics", "<html><body>Agenda tijdelijk niet beschikbaar</body></html>");

        await Assert.ThrowsAsync<InvalidDataException>(() => _plugin.ReadOffersAsync(_data.Context(), CancellationToken.None).ToListAsync().AsTask());
    }

    [Fact]
    public async Task Reads_the_desk_sign_ups()
    {
        var signUps = (await _plugin.ReadSignUpsAsync(_data.Context(Samples), CancellationToken.None).ToListAsync()).ToDictionary(signUp => signUp.ExternalId);

        Assert.Equal(6, signUps.Count);
        Assert.Equal(new SignUpRecord("BALIE-2027-002", "BIB-POP-31", "Jozef", null, "0472 45 67 89", "Poperinge", "SENIORS"), signUps["BALIE-2027-002"]);
        Assert.True(signUps["BALIE-2027-004"].Cancelled);
        Assert.Equal("NEWCOMERS", signUps["BALIE-2027-004"].TargetGroup);
        Assert.Equal("monique.d@example.be", signUps["BALIE-2027-003"].Email);
        var warning = Assert.Single(_data.Log.Warnings);
        Assert.Contains("line 8", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_desk_list_means_no_sign_ups()
    {
        _data.Write("vormingen.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//NL\nEND:VCALENDAR\n");

        Assert.Empty(await _plugin.ReadSignUpsAsync(_data.Context(), CancellationToken.None).ToListAsync());
        Assert.Empty(await _plugin.ReadOffersAsync(_data.Context(), CancellationToken.None).ToListAsync());
        Assert.Empty(_data.Log.Warnings);
    }

    [Fact]
    public async Task Appends_platform_sign_ups_to_the_desk_list_outbox()
    {
        var context = _data.Context();
        await _plugin.WriteSignUpChangesAsync(
            [new SignUpChange("SU-7", "BIB-POP-31", "CONFIRMED", null, "Zoë", "zoe@example.be", null, Utc.At(2027, 1, 4, 9, 30))],
            context,
            CancellationToken.None);
        await _plugin.WriteSignUpChangesAsync(
            [new SignUpChange("SU-8", "BIB-POP-31", "NO_SHOW", null, "=HYPERLINK(\"x\")", null, "057 33 12 34", Utc.At(2027, 1, 13, 11, 0))],
            context,
            CancellationToken.None);

        var lines = File.ReadAllLines(_data["outbox/digibank-inschrijvingen.csv"]);
        Assert.Equal(
            [
                "digibank_id;activiteit;status;wachtlijst;voornaam;e-mail;telefoon;gewijzigd_op",
                "SU-7;BIB-POP-31;bevestigd;;Zoë;zoe@example.be;;2027-01-04 10:30:00",
                "SU-8;BIB-POP-31;afwezig;;\"'=HYPERLINK(\"\"x\"\")\";;057 33 12 34;2027-01-13 12:00:00",
            ],
            lines);
    }

    [Fact]
    public async Task An_erasure_notice_takes_the_name_and_contact_out_of_the_desk_list_rows_of_that_sign_up()
    {
        var context = _data.Context();
        await _plugin.WriteSignUpChangesAsync(
            [
                new SignUpChange("SU-7", "BIB-POP-31", "CONFIRMED", null, "Zoë", "zoe@example.be", "057 33 12 34", Utc.At(2027, 1, 4, 9, 30)),
                new SignUpChange("SU-8", "BIB-POP-31", "CONFIRMED", null, "Arne", "arne@example.be", null, Utc.At(2027, 1, 4, 9, 45)),
            ],
            context,
            CancellationToken.None);

        // In one run with the notice, a change that still carries the name does not bring it back.
        await _plugin.WriteSignUpChangesAsync(
            [
                new SignUpChange("SU-7", "BIB-POP-31", "ATTENDED", null, "Zoë", "zoe@example.be", null, Utc.At(2027, 1, 11, 14, 0)),
                new SignUpChange("SU-7", "BIB-POP-31", "ATTENDED", null, null, null, null, Utc.At(2027, 1, 20, 8, 0)) { Erased = true },
            ],
            context,
            CancellationToken.None);

        var text = File.ReadAllText(_data["outbox/digibank-inschrijvingen.csv"]);
        Personal.AbsentFrom(text, "Zoë", "zoe@example.be", "057 33 12 34");
        Assert.Equal(
            [
                "digibank_id;activiteit;status;wachtlijst;voornaam;e-mail;telefoon;gewijzigd_op",
                "SU-7;BIB-POP-31;bevestigd;;;;;2027-01-04 10:30:00",
                "SU-8;BIB-POP-31;bevestigd;;Arne;arne@example.be;;2027-01-04 10:45:00",
                "SU-7;BIB-POP-31;aanwezig;;;;;2027-01-11 15:00:00",
                "SU-7;BIB-POP-31;aanwezig;;;;;2027-01-20 09:00:00",
            ],
            File.ReadAllLines(_data["outbox/digibank-inschrijvingen.csv"]));
    }
}
