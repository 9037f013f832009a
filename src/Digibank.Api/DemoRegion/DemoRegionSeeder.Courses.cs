using Digibank.Api.Courses;
using static Digibank.Api.Courses.CourseLanguage;
using static Digibank.Api.Courses.CourseLevel;
using static Digibank.Api.Vocabulary.TargetGroup;
using static System.DayOfWeek;

namespace Digibank.Api.DemoRegion;

public static partial class DemoRegionSeeder
{
    private static readonly (string Code, string Name)[] TopicRows =
    [
        ("tax-on-web", "Tax-on-web"),
        ("itsme", "itsme"),
        ("online-banking", "Online bankieren"),
        ("smartschool", "Smartschool"),
        ("gimme", "Gimme"),
        ("google-meet", "Google Meet"),
        ("email", "E-mail"),
        ("smartphone-basics", "Starten met je smartphone"),
        ("eid", "De eID-kaart en kaartlezer"),
        ("mijn-burgerprofiel", "Mijn Burgerprofiel"),
        ("photos", "Foto's op je smartphone"),
        ("online-safety", "Veilig online"),
        ("job-search", "Online solliciteren"),
    ];

    /// <summary>Course locations that are not help points.</summary>
    private static readonly (string Key, string Name, string Street, string Municipality, bool WheelchairAccessible, string? Room)[] VenueRows =
    [
        ("proventier", "Huize Proventier", "Doornstraat 4", "Poperinge", true, "Bistro"),
        ("bollaard", "OC De Bollaard, Watou", "Watouplein 17", "Poperinge", true, "Grote zaal"),
        ("rookop", "OC Rookop, Reningelst", "Reningelstplein 8", "Poperinge", true, "Buurtsalon"),
    ];

    /// <summary>
    /// One course. The first session is on <paramref name="Day"/> in the week <paramref name="Week"/> weeks after the
    /// first such day at least three days from now; further sessions follow weekly. <paramref name="Booked"/> seats are
    /// taken and <paramref name="Waiting"/> people are on the waiting list.
    /// </summary>
    private sealed record CourseRow(
        string Partner,
        string ExternalId,
        string Title,
        string Summary,
        string[] Topics,
        TargetGroup[] Groups,
        CourseLevel Level,
        CourseLanguage Language,
        string Place,
        int Capacity,
        int PriceCents,
        int? ReducedPriceCents,
        DayOfWeek Day,
        int Week,
        string Time,
        int Sessions,
        int Booked = 0,
        int Waiting = 0,
        CourseStatus Status = CourseStatus.Scheduled,
        string? AccessibilityNotes = null);

    private static readonly CourseRow[] CourseRows =
    [
        new("ligo", "LIGO-2026-0412", "Tax-on-web: je belastingaangifte online",
            "We vullen samen je belastingaangifte in op Tax-on-web. Breng je eID-kaart en pincode mee, of zorg dat itsme werkt op je smartphone.",
            ["tax-on-web", "eid", "itsme"], [Everyone, Seniors], Beginner, Dutch, "bib-poperinge", 10, 0, null, Tuesday, 0, "09:30-11:30", 1,
            Booked: 10, Waiting: 3),
        new("ligo", "LIGO-2026-0413", "Tax-on-web in eenvoudige taal",
            "Je belastingaangifte online, stap voor stap en in eenvoudige woorden. We werken in een kleine groep.",
            ["tax-on-web"], [LowLiteracy, Newcomers], Beginner, PlainDutch, "bellewijk", 6, 0, null, Thursday, 1, "13:30-15:30", 1),
        new("stad-poperinge", "POP-LDC-2026-014", "Aan de slag met itsme",
            "Je installeert itsme op je smartphone en leert ermee inloggen en ondertekenen. Breng je smartphone, je eID-kaart en je pincode mee.",
            ["itsme", "eid"], [Seniors, Everyone], Beginner, Dutch, "de-bres", 12, 0, null, Monday, 0, "14:00-16:00", 1),
        new("bib-poperinge", "BIB-POP-23", "Starten met je smartphone (reeks van 4)",
            "In vier lessen leer je de basis: bellen, berichten sturen, apps installeren en je smartphone veilig instellen.",
            ["smartphone-basics"], [Seniors], Beginner, Dutch, "bib-poperinge", 12, 2000, 500, Wednesday, 0, "09:30-11:30", 4,
            Booked: 9, AccessibilityNotes: "Er is een ringleiding voor hoorapparaten."),
        new("ligo", "LIGO-2026-0420", "Smartschool voor ouders",
            "Berichten van de school lezen, de agenda volgen en het rapport bekijken in Smartschool. Voor ouders met kinderen op school.",
            ["smartschool"], [Parents], Beginner, Dutch, "bellewijk", 10, 0, null, Tuesday, 2, "19:00-21:00", 1,
            Booked: 4, AccessibilityNotes: "Je mag je kinderen meebrengen: er is opvang in de speelkamer."),
        new("groep-intro", "GI-WH-2026-031", "Online bankieren zonder zorgen",
            "Je leert veilig bankieren met de app van je bank: je rekening bekijken, geld overschrijven en valse berichten herkennen.",
            ["online-banking", "online-safety"], [Seniors, LowIncome], Beginner, Dutch, "de-bres", 10, 0, null, Thursday, 0, "14:00-16:00", 2,
            Booked: 7),
        new("bib-heuvelland", "BIB-HEU-07", "Bankieren met je smartphone",
            "Je rekening bekijken, een overschrijving doen en betalen met een QR-code: we oefenen samen op je eigen smartphone.",
            ["online-banking"], [Seniors], Beginner, Dutch, "bib-heuvelland", 8, 0, null, Wednesday, 3, "14:00-16:00", 1,
            AccessibilityNotes: "Aan de ingang is een trede. Laat het ons weten, dan leggen we een oprijplaat."),
        new("ligo", "LIGO-2026-0431", "Gimme en Smartschool: berichten van school",
            "Welke app gebruikt de school van je kind? We leren samen werken met Gimme en Smartschool op je smartphone.",
            ["gimme", "smartschool"], [Parents, Newcomers], Beginner, PlainDutch, "bellewijk", 8, 0, null, Monday, 4, "09:00-11:00", 1),
        new("dvv-westhoek", "DVVW-EI-021", "Videobellen met Google Meet",
            "Je leert meedoen aan een videogesprek met Google Meet: met de school, de dokter of je familie.",
            ["google-meet"], [Parents, Seniors], Beginner, Dutch, "bib-vleteren", 10, 0, null, Wednesday, 1, "14:00-16:00", 1),
        new("vdab", "VDAB-DIG-118", "Online solliciteren: je cv en Mijn Loopbaan",
            "Je maakt een cv op de computer, zoekt vacatures op vdab.be en solliciteert met een e-mail.",
            ["job-search", "email"], [JobSeekers], Beginner, Dutch, "bib-poperinge", 12, 0, null, Thursday, 1, "09:00-12:00", 3,
            Booked: 5),
        new("vdab", "VDAB-DIG-119", "Computerbasis voor werkzoekenden",
            "Muis, toetsenbord, bestanden en mappen: de basis die je nodig hebt om online te solliciteren.",
            ["job-search"], [JobSeekers, LowLiteracy], Beginner, PlainDutch, "de-bres", 10, 0, null, Tuesday, 1, "09:00-12:00", 4),
        new("vdab", "VDAB-DIG-124", "Solliciter en ligne",
            "Créer un CV, chercher des offres d'emploi et postuler par e-mail. Cours en français pour les chercheurs d'emploi.",
            ["job-search", "email"], [JobSeekers, Newcomers], Beginner, French, "bib-poperinge", 8, 0, null, Friday, 3, "09:00-12:00", 2),
        new("bib-poperinge", "BIB-POP-24", "E-mail voor beginners",
            "Je maakt een e-mailadres, leest en verstuurt berichten en stuurt een foto mee.",
            ["email"], [Seniors, Everyone], Beginner, Dutch, "bib-poperinge", 10, 500, 200, Friday, 1, "14:00-16:00", 2,
            Booked: 3),
        new("bib-poperinge", "BIB-POP-25", "Foto's op je smartphone",
            "Foto's maken, ordenen en delen met je familie, en een reservekopie maken zodat je ze nooit kwijtraakt.",
            ["photos", "smartphone-basics"], [Seniors], Intermediate, Dutch, "bib-poperinge", 12, 500, 200, Saturday, 2, "10:00-12:00", 1),
        new("stad-poperinge", "POP-LDC-2026-015", "Mijn Burgerprofiel: je papieren online",
            "Attesten downloaden, je gegevens bekijken en berichten van de overheid lezen in Mijn Burgerprofiel.",
            ["mijn-burgerprofiel", "itsme", "eid"], [Seniors, Everyone], Intermediate, Dutch, "de-bres", 12, 0, null, Wednesday, 2, "14:00-16:00", 1,
            Booked: 11),
        new("stad-poperinge", "POP-LDC-2026-016", "Veilig online: valse berichten herkennen",
            "Een sms van 'de bank' of een mail van 'bpost'? Je leert valse berichten herkennen en wat je doet als je toch klikte.",
            ["online-safety", "email"], [Seniors, Everyone], Beginner, Dutch, "proventier", 16, 0, null, Tuesday, 3, "14:00-16:00", 1),
        new("de-lovie", "DL-VORM-12", "Mijn eerste tablet",
            "Rustig kennismaken met een tablet: aanzetten, tikken en vegen, een app openen. Je mag een tablet van de Digibank lenen.",
            ["smartphone-basics"], [LowLiteracy, Everyone], Beginner, PlainDutch, "krombeke", 6, 0, null, Tuesday, 0, "14:00-16:00", 3,
            Booked: 6, Waiting: 1),
        new("de-lovie", "DL-VORM-13", "Videobellen met je familie",
            "Met WhatsApp of Google Meet je kleinkinderen zien en horen. We oefenen samen in het buurtsalon.",
            ["google-meet", "smartphone-basics"], [Seniors], Beginner, PlainDutch, "krombeke", 8, 0, null, Thursday, 2, "14:00-16:00", 1),
        new("bib-poperinge", "BIB-POP-26", "Vragenuurtje: itsme",
            "Lukt itsme niet? Kom langs met je smartphone en je eID-kaart, dan zoeken we samen een oplossing.",
            ["itsme"], [Everyone], Beginner, Dutch, "bib-poperinge", 6, 0, null, Saturday, 0, "10:00-12:00", 1,
            Booked: 5),
        new("bib-heuvelland", "BIB-HEU-08", "Starten met je smartphone (reeks van 4)",
            "Vier lessen voor wie net een smartphone heeft: bellen, berichten, foto's en apps. Je werkt op je eigen toestel of op een leentoestel.",
            ["smartphone-basics"], [Seniors], Beginner, Dutch, "bib-heuvelland", 10, 1600, 400, Friday, 0, "16:30-18:30", 4,
            Booked: 2, AccessibilityNotes: "Aan de ingang is een trede. Laat het ons weten, dan leggen we een oprijplaat."),
        new("gemeente-heuvelland", "HEU-VT-033", "Tax-on-web: hulp bij je aangifte",
            "Een medewerker van de gemeente helpt je je aangifte invullen. Kom op het afgesproken uur met je eID-kaart en pincode.",
            ["tax-on-web", "eid"], [Seniors, LowIncome], Beginner, Dutch, "bib-heuvelland", 8, 0, null, Wednesday, 1, "09:30-11:30", 1),
        new("ligo", "LIGO-2026-0440", "Computer leren gebruiken (voor anderstaligen)",
            "Voor wie Nederlands leert: de woorden rond de computer en eenvoudige oefeningen op de pc, in kleine stappen.",
            ["email", "smartphone-basics"], [Newcomers, LowLiteracy], Beginner, PlainDutch, "bib-poperinge", 10, 0, null, Monday, 1, "13:30-15:30", 4),
        new("stad-mesen", "MES-2026-05", "Aan de slag met itsme",
            "Samen itsme installeren op je smartphone. Breng je smartphone, je eID-kaart en je pincode mee.",
            ["itsme", "eid"], [Seniors], Beginner, Dutch, "stadhuis-mesen", 6, 0, null, Thursday, 3, "10:00-12:00", 1,
            Booked: 4, AccessibilityNotes: "De raadzaal is op de eerste verdieping, langs trappen. Bel vooraf, dan geven we de les beneden."),
        new("stad-mesen", "MES-2026-06", "Mijn Burgerprofiel en je eID-kaart",
            "Inloggen met je eID-kaart en kaartlezer, en je documenten vinden in Mijn Burgerprofiel.",
            ["mijn-burgerprofiel", "eid"], [Seniors, Everyone], Beginner, Dutch, "stadhuis-mesen", 6, 0, null, Thursday, 5, "10:00-12:00", 1),
        new("gemeente-vleteren", "VLE-NP-09", "Je smartphone beter leren kennen",
            "Instellingen, meldingen, grotere letters en foto's: in twee lessen maak je je smartphone makkelijker in gebruik.",
            ["smartphone-basics", "photos"], [Seniors], Beginner, Dutch, "bib-vleteren", 8, 0, null, Monday, 2, "14:00-16:00", 2),
        new("bib-vleteren", "BIB-VLE-04", "Veilig online in eenvoudige taal",
            "Sterke wachtwoorden, valse berichten en veilig betalen, uitgelegd in eenvoudige woorden.",
            ["online-safety"], [LowLiteracy, Seniors], Beginner, PlainDutch, "bib-vleteren", 8, 0, null, Saturday, 1, "09:30-11:30", 1),
        new("pom-west-vlaanderen", "POM-DIGI-0007", "E-loketten voor kleine zelfstandigen",
            "Inloggen met itsme, documenten van de overheid vinden en online formulieren invullen voor je zaak.",
            ["mijn-burgerprofiel", "itsme"], [Everyone], Intermediate, Dutch, "bollaard", 14, 2500, 1000, Tuesday, 4, "19:00-21:30", 2,
            Status: CourseStatus.Cancelled),
        new("pom-west-vlaanderen", "POM-DIGI-0008", "Staying safe online",
            "Scams, passwords and banking apps, explained in English for people who work in the Westhoek and do not speak Dutch yet.",
            ["online-safety", "online-banking"], [Newcomers], Beginner, English, "rookop", 12, 0, null, Thursday, 4, "19:00-21:00", 1),
        new("groep-intro", "GI-WH-2026-032", "Werk zoeken met je smartphone",
            "Vacatures zoeken, je cv als foto of pdf versturen en een mail sturen naar een werkgever, allemaal op je smartphone.",
            ["job-search", "email", "smartphone-basics"], [JobSeekers, LowIncome], Beginner, PlainDutch, "bellewijk", 8, 0, null, Wednesday, 2, "13:30-16:00", 2,
            Booked: 3),
        new("groep-intro", "GI-WH-2026-033", "Veilig online voor ouders",
            "Wat doen je kinderen online? Schermtijd, instellingen op hun smartphone en veilige wachtwoorden.",
            ["online-safety", "smartschool"], [Parents], Intermediate, Dutch, "bellewijk", 12, 0, null, Monday, 3, "19:00-21:00", 1),
        new("ligo", "LIGO-2026-0450", "De eID-kaart en de kaartlezer",
            "Je kaartlezer installeren, je pincode gebruiken en inloggen bij de overheid met je eID-kaart.",
            ["eid", "mijn-burgerprofiel"], [Seniors, LowLiteracy], Beginner, PlainDutch, "de-bres", 10, 0, null, Friday, 1, "09:30-11:30", 2,
            Booked: 6),
        new("stad-poperinge", "POP-LDC-2026-017", "Tablet voor senioren (reeks van 3)",
            "In drie lessen leer je werken met een tablet: apps, e-mail, het nieuws lezen en videobellen.",
            ["smartphone-basics", "email"], [Seniors], Beginner, Dutch, "de-bres", 12, 1500, 500, Monday, 1, "09:30-11:30", 3),
        new("stad-poperinge", "POP-BS-2026-002", "Je smartphone opruimen",
            "Je smartphone is vol of traag? We ruimen samen foto's en apps op en maken hem weer sneller.",
            ["smartphone-basics", "photos"], [Seniors, Everyone], Intermediate, Dutch, "rookop", 10, 0, null, Tuesday, 5, "14:00-16:00", 1,
            Status: CourseStatus.Cancelled),
        new("stad-poperinge", "POP-BS-2026-003", "Digicafé Watou: vragen over je smartphone",
            "Met een kop koffie je vragen stellen over je smartphone of itsme. Vrijwilligers helpen je op je eigen toestel.",
            ["smartphone-basics", "itsme"], [Everyone], Beginner, Dutch, "bollaard", 10, 0, null, Friday, 2, "14:00-16:00", 1),
        new("bib-poperinge", "BIB-POP-27", "Gimme voor ouders",
            "Berichten, foto's en de agenda van de school volgen in Gimme. Breng je smartphone mee.",
            ["gimme"], [Parents], Beginner, Dutch, "bib-poperinge", 10, 0, null, Wednesday, 4, "19:00-20:30", 1),
        new("bib-heuvelland", "BIB-HEU-09", "Foto's op je smartphone",
            "Mooie foto's maken, ze terugvinden en doorsturen naar familie of laten afdrukken.",
            ["photos"], [Seniors, Everyone], Beginner, Dutch, "bib-heuvelland", 10, 500, 200, Wednesday, 5, "14:00-16:00", 1),
        new("dvv-westhoek", "DVVW-EI-022", "Mijn Burgerprofiel in eenvoudige taal",
            "Wat is Mijn Burgerprofiel en wat vind je erin? We kijken samen, in eenvoudige woorden.",
            ["mijn-burgerprofiel", "itsme"], [LowLiteracy, Seniors], Beginner, PlainDutch, "bib-vleteren", 8, 0, null, Wednesday, 3, "14:00-16:00", 1),
        new("ligo", "LIGO-2026-0460", "Online bankieren in eenvoudige taal",
            "Je rekening bekijken en geld overschrijven met de app van je bank, in kleine stappen en eenvoudige woorden.",
            ["online-banking", "online-safety"], [LowLiteracy, LowIncome], Beginner, PlainDutch, "krombeke", 6, 0, null, Thursday, 5, "14:00-16:00", 2),
        new("vdab", "VDAB-DIG-131", "Je profiel op Mijn Loopbaan",
            "Je maakt je online profiel bij VDAB volledig, zodat werkgevers je vinden en je passende vacatures krijgt.",
            ["job-search"], [JobSeekers], Intermediate, Dutch, "bib-heuvelland", 10, 0, null, Tuesday, 6, "09:00-12:00", 1,
            AccessibilityNotes: "Aan de ingang is een trede. Laat het ons weten, dan leggen we een oprijplaat."),
        new("gemeente-vleteren", "VLE-NP-10", "Videobellen met Google Meet en WhatsApp",
            "Je familie zien op je smartphone of tablet: we oefenen samen videobellen.",
            ["google-meet", "smartphone-basics"], [Seniors], Beginner, Dutch, "bib-vleteren", 8, 0, null, Saturday, 6, "09:30-11:30", 1),
    ];

    private static readonly SignUpChannel[] Channels = [SignUpChannel.Web, SignUpChannel.Partner, SignUpChannel.Counter];

    private static List<Topic> SeedTopics(SeedState region) =>
        TopicRows.Select(row => region.Topics[row.Code] = new Topic { Code = row.Code, Name = row.Name }).ToList();

    private static List<Course> SeedCourses(SeedState region)
    {
        foreach (var venue in VenueRows)
        {
            region.Locations[venue.Key] = new Location(
                null, venue.Name, venue.Street, region.Municipalities[venue.Municipality], venue.WheelchairAccessible, venue.Room);
        }

        return CourseRows.Select((row, index) => NewCourse(region, row, index)).ToList();
    }

    private static Course NewCourse(SeedState region, CourseRow row, int index)
    {
        var location = region.Locations[row.Place];
        var (from, to) = Span(row.Time);
        var firstDay = region.Next(row.Day, daysAhead: 3).AddDays(7 * row.Week);
        var sessions = Enumerable.Range(0, row.Sessions)
            .Select(week => firstDay.AddDays(7 * week))
            .Select(day => new CourseSession { StartsAt = region.At(day, from), EndsAt = region.At(day, to), Room = location.Room })
            .ToList();

        return new Course
        {
            Title = row.Title,
            Summary = row.Summary,
            Level = row.Level,
            Language = row.Language,
            Topics = row.Topics.Select(code => region.Topics[code]).ToList(),
            TargetGroups = [.. row.Groups],
            Partner = region.Partners[row.Partner],
            ExternalId = row.ExternalId,
            HelpPoint = location.HelpPoint,
            VenueName = location.VenueName,
            VenueStreet = location.VenueStreet,
            Municipality = location.Municipality,
            Capacity = row.Capacity,
            PriceCents = row.PriceCents,
            ReducedPriceCents = row.ReducedPriceCents,
            SignUpDeadline = region.At(firstDay.AddDays(row.Sessions > 1 ? -2 : -1), new TimeOnly(12, 0)),
            Status = row.Status == CourseStatus.Scheduled && row.Booked >= row.Capacity ? CourseStatus.Full : row.Status,
            WheelchairAccessible = location.WheelchairAccessible,
            AccessibilityNotes = row.AccessibilityNotes,
            StartsAt = sessions[0].StartsAt,
            Sessions = sessions,
            SignUps = SignUps(region, row, index),
            UpdatedAt = region.Now,
        };
    }

    /// <summary>
    /// Seats in the order people signed up: the first <see cref="CourseRow.Booked"/> are confirmed, the rest wait.
    /// Three sign-ups a day during office hours, the latest on a day before today.
    /// </summary>
    private static List<SignUp> SignUps(SeedState region, CourseRow row, int courseIndex)
    {
        var total = row.Booked + row.Waiting;
        return Enumerable.Range(0, total).Select(seat =>
        {
            var waitlisted = seat >= row.Booked;
            var later = total - 1 - seat;
            var createdAt = region.At(
                region.Today.AddDays(-(1 + later / 3 + courseIndex % 5)),
                new TimeOnly(9, 0).AddMinutes((2 - later % 3) * 170 + courseIndex % 4 * 15));
            return new SignUp
            {
                Participant = region.Participants[(courseIndex * 7 + seat) % region.Participants.Count],
                Status = waitlisted ? SignUpStatus.Waitlisted : SignUpStatus.Confirmed,
                Channel = Channels[(courseIndex + seat) % Channels.Length],
                WaitlistPosition = waitlisted ? seat - row.Booked + 1 : null,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            };
        }).ToList();
    }
}
