using Digibank.Plugins.Ligo;

namespace Digibank.Plugins.Tests;

public sealed class LigoPluginTests : IDisposable
{
    private const string Samples = "Digibank.Plugins.Ligo";
    private readonly DataFolder _data = new();
    private readonly LigoPlugin _plugin = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Is_the_ligo_partner() => Assert.Equal("ligo", _plugin.PartnerCode);

    [Fact]
    public async Task First_run_copies_the_samples_into_an_empty_data_folder_and_later_runs_keep_edits()
    {
        var context = _data.Context(Samples);

        await _plugin.ReadOffersAsync(context, CancellationToken.None).ToListAsync();

        Assert.True(File.Exists(_data["cursussen.csv"]));
        Assert.True(File.Exists(_data["inschrijvingen.csv"]));
        Assert.Contains(_data.Log.Infos, message => message.Contains("copied the sample files", StringComparison.Ordinal));

        File.WriteAllText(_data["inschrijvingen.csv"], "inschrijvingsnummer;cursuscode;voornaam\n");
        var signUps = await _plugin.ReadSignUpsAsync(context, CancellationToken.None).ToListAsync();
        Assert.Empty(signUps);
    }

    [Fact]
    public async Task Reads_the_sample_courses_in_utc_with_cents_topics_groups_and_places()
    {
        var offers = (await _plugin.ReadOffersAsync(_data.Context(Samples), CancellationToken.None).ToListAsync()).ToDictionary(offer => offer.ExternalId);

        // 8 good courses and 3 the platform must reject; the draft and 3 unreadable rows are left out.
        Assert.Equal(11, offers.Count);

        var taxOnWeb = offers["LIGO-2027-0101"];
        Assert.Equal("Tax-on-web: je belastingaangifte online", taxOnWeb.Title);
        Assert.Equal(["tax-on-web", "eid", "itsme"], taxOnWeb.Topics);
        Assert.Equal(["EVERYONE", "SENIORS"], taxOnWeb.TargetGroups);
        Assert.Equal("Bibliotheek Poperinge", taxOnWeb.HelpPointName);
        Assert.Null(taxOnWeb.VenueName);
        Assert.Equal(10, taxOnWeb.Capacity);
        Assert.Equal(0, taxOnWeb.PriceCents);
        Assert.Null(taxOnWeb.ReducedPriceCents);
        Assert.True(taxOnWeb.WheelchairAccessible);
        // 1 June is summer time: 09:30 in Poperinge is 07:30 UTC.
        Assert.Equal([new SessionOffer(Utc.At(2027, 6, 1, 7, 30), Utc.At(2027, 6, 1, 9, 30), "Vormingslokaal")], taxOnWeb.Sessions);
        Assert.Equal(Utc.At(2027, 5, 31, 21, 59, 59), taxOnWeb.SignUpDeadline);
        Assert.Equal(DateTimeKind.Utc, taxOnWeb.Sessions[0].StartsAt.Kind);

        var computer = offers["LIGO-2027-0115"];
        Assert.Equal(1250, computer.PriceCents);
        Assert.Equal(250, computer.ReducedPriceCents);
        Assert.Equal("PLAIN_DUTCH", computer.Language);
        Assert.Equal(["NEWCOMERS", "LOW_LITERACY"], computer.TargetGroups);
        Assert.Equal(4, computer.Sessions.Count);
        Assert.Equal(Utc.At(2027, 1, 11, 12, 30), computer.Sessions[0].StartsAt);
        Assert.Equal(Utc.At(2027, 1, 8, 11, 0), computer.SignUpDeadline);

        // Across the change to summer time on 28 March 2027.
        var eid = offers["LIGO-2027-0125"];
        Assert.Equal([Utc.At(2027, 3, 25, 8, 30), Utc.At(2027, 4, 1, 7, 30)], eid.Sessions.Select(session => session.StartsAt));

        var venue = offers["LIGO-2027-0130"];
        Assert.Null(venue.HelpPointName);
        Assert.Equal("OC De Bollaard", venue.VenueName);
        Assert.Equal("Watouplein 17", venue.VenueStreet);
        Assert.Equal("Poperinge", venue.Municipality);

        var cancelled = offers["LIGO-2027-0135"];
        Assert.True(cancelled.Cancelled);
        Assert.Equal("Heuvelland", cancelled.Municipality);
        Assert.False(cancelled.WheelchairAccessible);
        Assert.Equal("Bibliotheek Heuvelland", cancelled.HelpPointName);

        Assert.Equal("Je mag je kinderen meebrengen; er is opvang in de speelkamer.", offers["LIGO-2027-0110"].AccessibilityNotes);
    }

    [Fact]
    public async Task Passes_on_what_the_platform_must_judge_and_skips_what_it_cannot_read()
    {
        var offers = (await _plugin.ReadOffersAsync(_data.Context(Samples), CancellationToken.None).ToListAsync()).ToDictionary(offer => offer.ExternalId);

        Assert.Equal(0, offers["LIGO-2027-0190"].Capacity);
        var backwards = Assert.Single(offers["LIGO-2027-0191"].Sessions);
        Assert.True(backwards.EndsAt < backwards.StartsAt);
        Assert.Equal("Bibliotheek Westouter", offers["LIGO-2027-0192"].HelpPointName);

        Assert.DoesNotContain("LIGO-2027-0140", offers.Keys);
        Assert.DoesNotContain("LIGO-2027-0193", offers.Keys);
        Assert.DoesNotContain("LIGO-2027-0195", offers.Keys);
        Assert.Equal(3, _data.Log.Warnings.Count);
        Assert.Contains(_data.Log.Warnings, warning => warning.Contains("LIGO-2027-0193", StringComparison.Ordinal) && warning.Contains("line 14", StringComparison.Ordinal));
        Assert.Contains(_data.Log.Warnings, warning => warning.Contains("no cursuscode", StringComparison.Ordinal));
        Assert.Contains(_data.Log.Warnings, warning => warning.Contains("twaalf euro", StringComparison.Ordinal));
        Assert.Contains(_data.Log.Infos, info => info.Contains("LIGO-2027-0140", StringComparison.Ordinal) && info.Contains("draft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_the_sign_ups_ligo_took()
    {
        var signUps = (await _plugin.ReadSignUpsAsync(_data.Context(Samples), CancellationToken.None).ToListAsync()).ToDictionary(signUp => signUp.ExternalId);

        Assert.Equal(7, signUps.Count);
        Assert.Equal(new SignUpRecord("LIGO-INS-27-0001", "LIGO-2027-0101", "Marcel", null, "0470 12 34 56", "Poperinge", "SENIORS"), signUps["LIGO-INS-27-0001"]);
        Assert.Equal("Poperinge", signUps["LIGO-INS-27-0003"].Municipality);
        Assert.Equal("PARENTS", signUps["LIGO-INS-27-0003"].TargetGroup);
        Assert.True(signUps["LIGO-INS-27-0004"].Cancelled);
        Assert.Equal("LOW_INCOME", signUps["LIGO-INS-27-0005"].TargetGroup);
        Assert.Equal("Heuvelland", signUps["LIGO-INS-27-0006"].Municipality);
        Assert.Equal("LIGO-2027-0199", signUps["LIGO-INS-27-0008"].CourseExternalId);
        Assert.Single(_data.Log.Warnings);
    }

    [Fact]
    public async Task Reads_an_export_without_the_optional_columns()
    {
        _data.Write("cursussen.csv", "Cursuscode;Titel;Sessies\nLIGO-X-1;Mijn eerste tablet;2027-01-05 14:00-16:00\n");

        var offer = Assert.Single(await _plugin.ReadOffersAsync(_data.Context(), CancellationToken.None).ToListAsync());

        Assert.Equal("LIGO-X-1", offer.ExternalId);
        Assert.Equal([new SessionOffer(Utc.At(2027, 1, 5, 13, 0), Utc.At(2027, 1, 5, 15, 0))], offer.Sessions);
        Assert.Empty(offer.Topics);
        Assert.Equal(0, offer.Capacity);
        Assert.Equal("BEGINNER", offer.Level);
        Assert.Equal("DUTCH", offer.Language);
        Assert.Null(offer.HelpPointName);
        Assert.Empty(_data.Log.Warnings);
        Assert.Empty(await _plugin.ReadSignUpsAsync(_data.Context(), CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_the_export_fails_the_run()
    {
        _data.Write("cursussen.csv", "code,name,when\nX,Y,Z\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _plugin.ReadOffersAsync(_data.Context(), CancellationToken.None).ToListAsync().AsTask());
        Assert.Contains("cursuscode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_export_without_samples_fails_the_run()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => _plugin.ReadOffersAsync(_data.Context(), CancellationToken.None).ToListAsync().AsTask());
    }

    [Fact]
    public async Task Appends_platform_sign_ups_to_the_outbox_with_the_header_once()
    {
        var context = _data.Context();
        await _plugin.WriteSignUpChangesAsync(
            [
                new SignUpChange("SU-1", "LIGO-2027-0101", "CONFIRMED", null, "Maria", null, "+32 470 12 34 56", Utc.At(2027, 1, 12, 13, 5)),
                new SignUpChange("SU-2", "LIGO-2027-0101", "WAITLISTED", 2, "Jean; Pierre", "jp@example.be", null, Utc.At(2027, 7, 1, 8, 0)),
            ],
            context,
            CancellationToken.None);
        await _plugin.WriteSignUpChangesAsync([], context, CancellationToken.None);
        await _plugin.WriteSignUpChangesAsync(
            [new SignUpChange("SU-1", "LIGO-2027-0101", "CANCELLED", null, null, null, null, Utc.At(2027, 1, 13, 9, 0))],
            context,
            CancellationToken.None);

        var lines = File.ReadAllLines(_data["outbox/inschrijvingen-digibank.csv"]);
        Assert.Equal(
            [
                "digibank_id;cursuscode;status;wachtlijst;voornaam;e-mail;telefoon;gewijzigd_op",
                "SU-1;LIGO-2027-0101;bevestigd;;Maria;;\"'+32 470 12 34 56\";2027-01-12 14:05:00",
                "SU-2;LIGO-2027-0101;wachtlijst;2;\"Jean; Pierre\";jp@example.be;;2027-07-01 10:00:00",
                "SU-1;LIGO-2027-0101;geannuleerd;;;;;2027-01-13 10:00:00",
            ],
            lines);
    }

    [Fact]
    public async Task An_erasure_notice_takes_the_name_and_contact_out_of_the_earlier_rows_of_that_sign_up()
    {
        var context = _data.Context();
        await _plugin.WriteSignUpChangesAsync(
            [
                new SignUpChange("SU-1", "LIGO-2027-0101", "CONFIRMED", null, "Maria", "maria@example.be", "+32 470 12 34 56", Utc.At(2027, 1, 12, 13, 5)),
                new SignUpChange("SU-2", "LIGO-2027-0101", "WAITLISTED", 2, "Jean; Pierre", "jp@example.be", null, Utc.At(2027, 1, 12, 14, 0)),
                new SignUpChange("SU-1", "LIGO-2027-0101", "WAITLISTED", 1, "Maria", "maria@example.be", "+32 470 12 34 56", Utc.At(2027, 1, 12, 15, 0)),
            ],
            context,
            CancellationToken.None);

        await _plugin.WriteSignUpChangesAsync(
            [new SignUpChange("SU-1", "LIGO-2027-0101", "CANCELLED", null, null, null, null, Utc.At(2027, 1, 13, 9, 0)) { Erased = true }],
            context,
            CancellationToken.None);

        var path = _data["outbox/inschrijvingen-digibank.csv"];
        var text = File.ReadAllText(path);
        Personal.AbsentFrom(text, "Maria", "maria@example.be", "470 12 34 56");
        Assert.Equal(
            [
                "digibank_id;cursuscode;status;wachtlijst;voornaam;e-mail;telefoon;gewijzigd_op",
                "SU-1;LIGO-2027-0101;bevestigd;;;;;2027-01-12 14:05:00",
                "SU-2;LIGO-2027-0101;wachtlijst;2;\"Jean; Pierre\";jp@example.be;;2027-01-12 15:00:00",
                "SU-1;LIGO-2027-0101;wachtlijst;1;;;;2027-01-12 16:00:00",
                "SU-1;LIGO-2027-0101;geannuleerd;;;;;2027-01-13 10:00:00",
            ],
            File.ReadAllLines(path));
        Assert.Equal(["inschrijvingen-digibank.csv"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_erasure_notice_for_an_outbox_that_has_no_name_column_fails_the_run_and_leaves_the_file_as_it_was()
    {
        Directory.CreateDirectory(_data["outbox"]);
        const string Edited = "digibank_id;cursuscode;opmerking\r\nSU-1;LIGO-2027-0101;Maria belt terug\r\n";
        _data.Write("outbox/inschrijvingen-digibank.csv", Edited);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => _plugin.WriteSignUpChangesAsync(
            [new SignUpChange("SU-1", "LIGO-2027-0101", "CANCELLED", null, null, null, null, Utc.At(2027, 1, 13, 9, 0)) { Erased = true }],
            _data.Context(),
            CancellationToken.None));

        Assert.Contains("voornaam", error.Message, StringComparison.Ordinal);
        Assert.Equal(Edited, File.ReadAllText(_data["outbox/inschrijvingen-digibank.csv"]));
    }
}
