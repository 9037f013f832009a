using Digibank.Api.Vocabulary;
using Npgsql;
using NpgsqlTypes;

namespace Digibank.Bench;

public sealed partial class FlandersGenerator
{
    private static readonly (string Title, string Summary, string[] Topics)[] Offers =
    [
        ("Tax-on-web: je belastingaangifte online", "We vullen samen je belastingaangifte in op Tax-on-web.", ["tax-on-web", "eid"]),
        ("Aan de slag met itsme", "Je installeert itsme op je smartphone en leert ermee inloggen.", ["itsme", "eid"]),
        ("Online bankieren zonder zorgen", "Veilig bankieren met de app van je bank.", ["online-banking", "online-safety"]),
        ("Smartschool voor ouders", "Berichten van de school lezen en de agenda volgen.", ["smartschool"]),
        ("Starten met je smartphone", "Bellen, berichten sturen en apps installeren.", ["smartphone-basics"]),
        ("E-mail voor beginners", "Een e-mailadres maken, berichten lezen en versturen.", ["email"]),
        ("Videobellen met Google Meet", "Meedoen aan een videogesprek met de school of je familie.", ["google-meet"]),
        ("Online solliciteren", "Een cv maken en solliciteren met een e-mail.", ["job-search", "email"]),
        ("Mijn Burgerprofiel: je papieren online", "Attesten downloaden en berichten van de overheid lezen.", ["mijn-burgerprofiel", "itsme"]),
        ("Veilig online: valse berichten herkennen", "Valse sms'en en mails herkennen.", ["online-safety"]),
        ("Foto's op je smartphone", "Foto's maken, ordenen en delen.", ["photos", "smartphone-basics"]),
        ("Gimme en Smartschool", "Werken met de apps van de school van je kind.", ["gimme", "smartschool"]),
    ];

    private static readonly string[] PartnerKinds = ["AdultEducation", "Library", "SocialOrganisation", "EmploymentService", "RegionalAgency", "Municipality"];

    private static readonly string[][] TargetGroups = [["Everyone"], ["Seniors"], ["Seniors", "Everyone"], ["Parents"], ["JobSeekers"], ["LowLiteracy", "Newcomers"]];

    private readonly List<(int Id, int[] Regions)> _partners = [];
    private readonly List<CourseRow> _courses = [];
    private readonly List<DeviceRow> _devices = [];

    private async Task<int> PartnersAsync()
    {
        var partnerId = await NextIdAsync("Partners");
        for (var index = 0; index < Size.Partners; index++)
        {
            // Three in four publish in several neighbouring regions, as LIGO, VDAB and the libraries' network do.
            var home = _random.Next(_regions.Count);
            var reach = _random.Next(4) == 0 ? 1 : 2 + _random.Next(7);
            var regions = Enumerable.Range(home, Math.Min(reach, _regions.Count)).Select(region => _regions[region % _regions.Count].Id).ToArray();
            _partners.Add((partnerId++, regions));
        }

        await CopyAsync("Partners", ["Id", "Code", "Name", "NameKey", "Kind", "Website"], _partners, (row, partner) =>
        {
            var name = $"Partner {partner.Id} {_towns.First(town => town.RegionId == partner.Regions[0]).Name}";
            row.Write(partner.Id, NpgsqlDbType.Integer);
            row.Write($"fl-partner-{partner.Id}", NpgsqlDbType.Varchar);
            row.Write(name, NpgsqlDbType.Varchar);
            row.Write(TextKey.Fold(name), NpgsqlDbType.Varchar);
            row.Write(PartnerKinds[partner.Id % PartnerKinds.Length], NpgsqlDbType.Varchar);
            row.Write($"https://partner-{partner.Id}.example.org", NpgsqlDbType.Varchar);
        });
        var links = _partners.SelectMany(partner => partner.Regions.Select(region => (partner.Id, Region: region))).ToList();
        await CopyAsync("PartnerRegions", ["PartnerId", "RegionId"], links, (row, link) =>
        {
            row.Write(link.Id, NpgsqlDbType.Integer);
            row.Write(link.Region, NpgsqlDbType.Integer);
        });
        return _partners.Count + links.Count;
    }

    private async Task<int> CoursesAsync()
    {
        var topics = await TopicIdsAsync();
        var helpPointsOf = _helpPoints.ToLookup(point => point.RegionId);
        var courseId = await NextIdAsync("Courses");
        for (var index = 0; index < Size.Courses; index++)
        {
            var partner = _partners[_random.Next(_partners.Count)];
            var regionId = partner.Regions[_random.Next(partner.Regions.Length)];
            var places = helpPointsOf[regionId].ToList();
            var place = places[_random.Next(places.Count)];
            // Seven in ten took place in the past year (the past sign-ups go there); the rest start within 12 weeks.
            var past = _random.Next(10) < 7;
            var day = past ? _today.AddDays(-7 - _random.Next(354)) : _today.AddDays(1 + _random.Next(84));
            var startsAt = day.AddHours(_random.Next(2) == 0 ? 8 : 13);
            var offer = _random.Next(Offers.Length);
            _courses.Add(new CourseRow(courseId++, regionId, partner.Id, place, offer, past, past ? 20 + _random.Next(21) : 10 + _random.Next(7), startsAt, 1 + _random.Next(4)));
        }

        await CopyAsync("Courses", ["Id", "Title", "TitleKey", "Summary", "SummaryKey", "Level", "Language", "TargetGroups", "PartnerId", "ExternalId", "HelpPointId", "MunicipalityId",
            "Capacity", "PriceCents", "SignUpDeadline", "Status", "WheelchairAccessible", "StartsAt", "UpdatedAt", "RegionId"], _courses, (row, course) =>
        {
            var (title, summary, _) = Offers[course.Offer];
            row.Write(course.Id, NpgsqlDbType.Integer);
            row.Write(title, NpgsqlDbType.Varchar);
            row.Write(TextKey.Fold(title), NpgsqlDbType.Varchar);
            row.Write(summary, NpgsqlDbType.Varchar);
            row.Write(TextKey.Fold(summary), NpgsqlDbType.Varchar);
            row.Write(course.Id % 5 == 0 ? "Intermediate" : "Beginner", NpgsqlDbType.Varchar);
            row.Write(course.Id % 11 == 0 ? "PlainDutch" : course.Id % 23 == 0 ? "French" : "Dutch", NpgsqlDbType.Varchar);
            row.Write(TargetGroups[course.Id % TargetGroups.Length], NpgsqlDbType.Array | NpgsqlDbType.Text);
            row.Write(course.PartnerId, NpgsqlDbType.Integer);
            row.Write($"FL-{course.Id}", NpgsqlDbType.Varchar);
            row.Write(course.Place.Id, NpgsqlDbType.Integer);
            row.Write(course.Place.TownId, NpgsqlDbType.Integer);
            row.Write(course.Capacity, NpgsqlDbType.Integer);
            row.Write(course.Id % 4 == 0 ? 500 : 0, NpgsqlDbType.Integer);
            row.Write(course.StartsAt.AddDays(-1), NpgsqlDbType.TimestampTz);
            row.Write(course.Past ? "Finished" : "Scheduled", NpgsqlDbType.Varchar);
            row.Write(true, NpgsqlDbType.Boolean);
            row.Write(course.StartsAt, NpgsqlDbType.TimestampTz);
            row.Write(_today, NpgsqlDbType.TimestampTz);
            row.Write(course.RegionId, NpgsqlDbType.Integer);
        });
        var sessions = _courses.SelectMany(course => Enumerable.Range(0, course.Sessions).Select(week => (course.Id, StartsAt: course.StartsAt.AddDays(7 * week)))).ToList();
        await CopyAsync("CourseSessions", ["CourseId", "StartsAt", "EndsAt"], sessions, (row, session) =>
        {
            row.Write(session.Id, NpgsqlDbType.Integer);
            row.Write(session.StartsAt, NpgsqlDbType.TimestampTz);
            row.Write(session.StartsAt.AddHours(2), NpgsqlDbType.TimestampTz);
        });
        var courseTopics = _courses.SelectMany(course => Offers[course.Offer].Topics.Select(code => (course.Id, Topic: topics[code]))).ToList();
        await CopyAsync("CourseTopics", ["CoursesId", "TopicsId"], courseTopics, (row, link) =>
        {
            row.Write(link.Id, NpgsqlDbType.Integer);
            row.Write(link.Topic, NpgsqlDbType.Integer);
        });
        return _courses.Count + sessions.Count + courseTopics.Count;
    }

    private async Task<int> DevicesAsync()
    {
        string[] kinds = ["Smartphone", "Tablet", "Laptop"];
        string[] models = ["Samsung Galaxy A15", "Lenovo Tab M10", "Acer Aspire 3"];
        var deviceId = await NextIdAsync("Devices");
        var lending = _helpPoints.Where(point => point.Kind == "Library").ToList();
        for (var index = 0; index < Size.Devices; index++)
        {
            var home = lending[_random.Next(lending.Count)];
            _devices.Add(new DeviceRow(deviceId++, home.Id, home.RegionId, _random.Next(kinds.Length)));
        }

        await CopyAsync("Devices", ["Id", "Kind", "AssetTag", "Model", "Condition", "HomeHelpPointId", "Status", "RegionId"], _devices, (row, device) =>
        {
            row.Write(device.Id, NpgsqlDbType.Integer);
            row.Write(kinds[device.Kind], NpgsqlDbType.Varchar);
            row.Write($"FL-{device.RegionId}-{device.Id:00000}", NpgsqlDbType.Varchar);
            row.Write(models[device.Kind], NpgsqlDbType.Varchar);
            row.Write(device.Id % 7 == 0 ? "Fair" : "Good", NpgsqlDbType.Varchar);
            row.Write(device.HelpPointId, NpgsqlDbType.Integer);
            row.Write("Available", NpgsqlDbType.Varchar);
            row.Write(device.RegionId, NpgsqlDbType.Integer);
        });
        return _devices.Count;
    }

    private async Task<Dictionary<string, int>> TopicIdsAsync()
    {
        var topics = new Dictionary<string, int>();
        await using var command = new NpgsqlCommand("SELECT \"Code\", \"Id\" FROM \"Topics\"", _connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            topics[reader.GetString(0)] = reader.GetInt32(1);
        }

        return topics;
    }

    private sealed record CourseRow(int Id, int RegionId, int PartnerId, HelpPointRow Place, int Offer, bool Past, int Capacity, DateTime StartsAt, int Sessions);

    private sealed record DeviceRow(int Id, int HelpPointId, int RegionId, int Kind);
}
