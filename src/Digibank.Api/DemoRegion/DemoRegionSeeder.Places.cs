using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Partners;
using Digibank.Api.Regions;
using static Digibank.Api.HelpPoints.HelpPointService;

namespace Digibank.Api.DemoRegion;

public static partial class DemoRegionSeeder
{
    // The towns' centres (town hall), for searches by distance.
    private static readonly (string Name, string PostalCode, double Latitude, double Longitude, (string Name, string PostalCode)[] Sections)[] MunicipalityRows =
    [
        ("Poperinge", "8970", 50.8550, 2.7260,
            [("Poperinge", "8970"), ("Reningelst", "8970"), ("Krombeke", "8972"), ("Proven", "8972"), ("Roesbrugge-Haringe", "8972"), ("Watou", "8978")]),
        ("Heuvelland", "8950", 50.7900, 2.8150,
            [("De Klijte", "8954"), ("Dranouter", "8951"), ("Kemmel", "8956"), ("Loker", "8958"), ("Nieuwkerke", "8950"),
             ("Westouter", "8954"), ("Wijtschate", "8953"), ("Wulvergem", "8952")]),
        ("Mesen", "8957", 50.7640, 2.8980, [("Mesen", "8957")]),
        ("Vleteren", "8640", 50.9200, 2.7300, [("Oostvleteren", "8640"), ("Westvleteren", "8640"), ("Woesten", "8640")]),
    ];

    private static readonly (string Code, string Name, PartnerKind Kind, string Description, string Website, string Email, string? Phone)[] PartnerRows =
    [
        ("stad-poperinge", "Stad Poperinge", PartnerKind.Municipality,
            "Trekker van de Digibank regio Poperinge. Organiseert vormingen in Lokaal Dienstencentrum De Bres en de buurtsalons, en stuurt de mobiele digiploeg aan.",
            "https://www.poperinge.be", "info@poperinge.be", "057 34 62 00"),
        ("gemeente-heuvelland", "Gemeente Heuvelland", PartnerKind.Municipality,
            "Partner van de Digibank. Het antennepunt van Heuvelland is de bibliotheek in Kemmel.",
            "https://www.heuvelland.be", "info@heuvelland.be", "057 45 04 50"),
        ("stad-mesen", "Stad Mesen", PartnerKind.Municipality,
            "Partner van de Digibank. In het stadhuis kun je toestellen lenen en terecht met digitale vragen.",
            "https://www.mesen.be", "info@mesen.be", "057 22 17 11"),
        ("gemeente-vleteren", "Gemeente Vleteren", PartnerKind.Municipality,
            "Partner van de Digibank. Het antennepunt is de bibliotheek in De Sceure in Oostvleteren.",
            "https://www.vleteren.be", "info@vleteren.be", "057 40 00 99"),
        ("ligo", "LIGO Centrum voor Basiseducatie Brugge-Oostende-Westhoek", PartnerKind.AdultEducation,
            "Gratis lessen voor volwassenen die beter willen leren lezen, schrijven, rekenen, Nederlands spreken of werken met computer en smartphone.",
            "https://www.ligo.be", "info@ligo.be", null),
        ("vdab", "VDAB", PartnerKind.EmploymentService,
            "De Vlaamse dienst voor arbeidsbemiddeling en beroepsopleiding. Helpt je online werk zoeken en solliciteren.",
            "https://www.vdab.be", "info@vdab.be", "0800 30 700"),
        ("groep-intro", "Groep Intro", PartnerKind.SocialOrganisation,
            "Begeleidt jongeren en volwassenen in een kwetsbare situatie naar werk, opleiding en vrije tijd.",
            "https://www.groepintro.be", "info@groepintro.be", null),
        ("de-lovie", "De Lovie vzw", PartnerKind.SocialOrganisation,
            "Zorg en ondersteuning voor mensen met een verstandelijke beperking. Baat het dorpspunt in het buurtsalon van Krombeke uit.",
            "https://www.delovie.be", "info@delovie.be", null),
        ("bib-poperinge", "Bibliotheek Poperinge", PartnerKind.Library,
            "Hoofdbibliotheek De Letterbeek en de dorpsbibliotheken: computers, wifi, vormingen en hulp bij digitale vragen.",
            "https://poperinge.bibliotheek.be", "bibliotheek@poperinge.be", null),
        ("bib-heuvelland", "Bibliotheek Heuvelland", PartnerKind.Library,
            "De bibliotheek in Kemmel: boeken, computers en hulp bij digitale vragen.",
            "https://heuvelland.bibliotheek.be", "bibliotheek@heuvelland.be", null),
        ("bib-vleteren", "Bibliotheek Vleteren", PartnerKind.Library,
            "De bibliotheek in De Sceure in Oostvleteren: boeken, computers en hulp bij digitale vragen.",
            "https://vleteren.bibliotheek.be", "bibliotheek@vleteren.be", null),
        ("dvv-westhoek", "DVV Westhoek", PartnerKind.RegionalAgency,
            "Dienstverlenende Vereniging Westhoek: de samenwerking van de Westhoekgemeenten. Ondersteunt de Digibank en de opleidingen in de regio.",
            "https://www.dvvwesthoek.be", "info@dvvwesthoek.be", "051 51 93 56"),
        ("pom-west-vlaanderen", "POM West-Vlaanderen", PartnerKind.RegionalAgency,
            "Provinciale Ontwikkelingsmaatschappij: werkt aan de economie van West-Vlaanderen en steunt digitale vaardigheden voor werk en ondernemen.",
            "https://www.pomwvl.be", "info@pomwvl.be", "050 14 01 50"),
    ];

    // "Courses" alone would name the namespace Digibank.Api.Courses.
    private static readonly HelpPointService[] FullService = [WalkInHelp, DeviceLending, HelpPointService.Courses, Digibuddy];
    private static readonly HelpPointService[] AntennaService = [WalkInHelp, DeviceLending, HelpPointService.Courses];

    private sealed record HelpPointRow(
        string Key,
        string Name,
        HelpPointKind Kind,
        string Municipality,
        string? Section,
        string? Street,
        double? Latitude,
        double? Longitude,
        string Phone,
        string Email,
        HelpPointService[] Services,
        bool WheelchairAccessible,
        string AccessibilityNotes,
        string Hours,
        string? Room = null);

    private static readonly HelpPointRow[] HelpPointRows =
    [
        new("bib-poperinge", "Bibliotheek Poperinge", HelpPointKind.Library, "Poperinge", "Poperinge", "Veurnestraat 71",
            50.8577, 2.7249, "057 34 66 50", "bibliotheek@poperinge.be", FullService,
            true, "Ingang zonder trappen. Er is een lift naar de eerste verdieping en een aangepast toilet.",
            "Tue-Fri 10:00-12:30 13:30-18:00; Sat 10:00-12:30 13:30-16:00", "Vormingslokaal"),
        new("bellewijk", "Buurthuis Bellewijk", HelpPointKind.CommunityHouse, "Poperinge", "Poperinge", "Bellestraat 16",
            50.8489, 2.7193, "057 34 65 70", "bellewijk@poperinge.be", FullService,
            true, "Alles is op de benedenverdieping. De deur is smal: bel aan, dan zetten we de tweede deur open.",
            "Mon,Tue,Thu 09:00-12:00; Wed 13:30-16:30"),
        new("de-bres", "Lokaal Dienstencentrum De Bres", HelpPointKind.ServiceCentre, "Poperinge", "Poperinge", "Veurnestraat 15",
            50.8561, 2.7262, "057 34 67 67", "debres@poperinge.be", FullService,
            true, "Ingang zonder trappen, lift en aangepast toilet. Parkeerplaats voor mensen met een handicap vlak bij de deur.",
            "Mon-Fri 09:00-12:00 13:30-17:00", "Computerzaal"),
        new("krombeke", "Buurtsalon Krombeke", HelpPointKind.NeighbourhoodSalon, "Poperinge", "Krombeke", "Krombekeplein 2",
            50.8706, 2.6752, "057 34 67 68", "buurtbres@poperinge.be", FullService,
            true, "Het buurtsalon is gelijkvloers. Er is een aangepast toilet.",
            "Tue,Thu 14:00-17:00"),
        new("bib-heuvelland", "Bibliotheek Heuvelland", HelpPointKind.Library, "Heuvelland", "Kemmel", "Schoolstraat 12A",
            50.7836, 2.8281, "057 45 04 80", "bibliotheek@heuvelland.be", AntennaService,
            false, "Aan de ingang is een trede. Bel aan, dan leggen we een oprijplaat.",
            "Wed 13:30-18:30; Fri 16:00-20:00; Sun 09:30-12:00"),
        new("stadhuis-mesen", "Stadhuis Mesen", HelpPointKind.TownHall, "Mesen", "Mesen", "Markt 22",
            50.7636, 2.8978, "057 22 17 11", "info@mesen.be", AntennaService,
            false, "Het stadhuis heeft trappen aan de voorkant. Bel vooraf: dan helpen we je beneden, via de zij-ingang zonder trappen.",
            "Mon-Fri 09:00-12:00; Wed 13:30-16:00", "Raadzaal"),
        new("bib-vleteren", "Bibliotheek Vleteren", HelpPointKind.Library, "Vleteren", "Oostvleteren", "Veurnestraat 4",
            50.9350, 2.7410, "057 40 00 99", "bibliotheek@vleteren.be", AntennaService,
            true, "De bibliotheek is in De Sceure. Neem de ingang aan de kant van de parking: daar zijn geen trappen.",
            "Wed 15:30-18:30; Sat 09:30-12:30", "Kleine zaal"),
        new("digiploeg", "Mobiele digiploeg", HelpPointKind.MobileTeam, "Poperinge", null, null,
            null, null, "057 34 67 00", "digiploeg@poperinge.be", [HomeVisits, DeviceLending],
            true, "We komen bij je thuis, in heel de regio. Bel ons tijdens de telefoonuren om een afspraak te maken.",
            "Mon-Fri 09:00-12:00; Tue,Thu 13:30-16:00"),
    ];

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static List<Municipality> SeedMunicipalities(SeedState region) =>
        MunicipalityRows.Select(row =>
        {
            var municipality = new Municipality
            {
                Name = row.Name,
                PostalCode = row.PostalCode,
                RegionId = Region.FirstRegionId,
                Latitude = row.Latitude,
                Longitude = row.Longitude,
                Sections = row.Sections.Select(section => new MunicipalitySection { Name = section.Name, PostalCode = section.PostalCode }).ToList(),
            };
            region.Municipalities[row.Name] = municipality;
            municipality.Sections.ForEach(section => region.Sections[section.Name] = section);
            return municipality;
        }).ToList();

    private static List<Partner> SeedPartners(SeedState region) =>
        PartnerRows.Select(row => region.Partners[row.Code] = new Partner
        {
            Code = row.Code,
            Name = row.Name,
            Kind = row.Kind,
            Description = row.Description,
            Website = row.Website,
            ContactEmail = row.Email,
            ContactPhone = row.Phone,
            Regions = [new PartnerRegion { RegionId = Region.FirstRegionId }],
        }).ToList();

    private static List<HelpPoint> SeedHelpPoints(SeedState region) =>
        HelpPointRows.Select(row =>
        {
            var section = row.Section is null ? null : region.Sections[row.Section];
            var helpPoint = new HelpPoint
            {
                Name = row.Name,
                Kind = row.Kind,
                Municipality = region.Municipalities[row.Municipality],
                Section = section,
                Street = row.Street,
                PostalCode = section?.PostalCode,
                Latitude = row.Latitude,
                Longitude = row.Longitude,
                Phone = row.Phone,
                Email = row.Email,
                Services = [.. row.Services],
                WheelchairAccessible = row.WheelchairAccessible,
                AccessibilityNotes = row.AccessibilityNotes,
                OpeningHours = ParseHours(row.Hours).ToList(),
            };
            region.HelpPoints[row.Key] = helpPoint;
            region.Locations[row.Key] = new Location(helpPoint, null, null, helpPoint.Municipality, row.WheelchairAccessible, row.Room);
            return helpPoint;
        }).ToList();

    /// <summary>"Tue-Fri 10:00-12:30 13:30-18:00; Sat 10:00-12:30": days, then one or more periods.</summary>
    private static IEnumerable<OpeningHours> ParseHours(string hours) =>
        from rule in hours.Split(';', StringSplitOptions.TrimEntries)
        let parts = rule.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        from day in Days(parts[0])
        from period in parts.Skip(1).Select(Span)
        select new OpeningHours { Day = day, Opens = period.From, Closes = period.To };

    private static IEnumerable<DayOfWeek> Days(string days) =>
        days.Split(',').SelectMany(part => part.Split('-') is [var first, var last]
            ? Enumerable.Range(Day(first), Day(last) - Day(first) + 1).Select(day => (DayOfWeek)day)
            : [(DayOfWeek)Day(part)]);

    private static int Day(string name) =>
        Array.IndexOf(DayNames, name) is >= 0 and var day ? day : throw new FormatException($"Not a day: {name}");
}
