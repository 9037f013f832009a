using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Digibank.Api.Courses;
using Digibank.Api.HelpRequests;
using Digibank.Api.Regions;
using Digibank.Api.Reports;
using Digibank.Api.Staff;
using static Digibank.Api.Tests.Dashboard.ReachTestData;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>
/// The funder's report, read back as a spreadsheet program would: every figure in the CSV file and in the workbook is
/// the one <c>reachStatistics</c> gives for the same period and region, hidden ones included.
/// </summary>
public sealed class ReachReportTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>, IAsyncLifetime
{
    private const string Period = "from=2015-01-01&to=2016-01-01";

    private SecondRegion _kempen = null!;

    public async Task InitializeAsync()
    {
        (_kempen, var isNew) = await SecondRegion.EnsureAsync(api, "rapportkempen", threshold: 3);
        if (!isNew)
        {
            return;
        }

        await using var data = await OpenAsync(api);
        var poperinge = data.Course(Utc(2015, 4, 20));
        var kempen = _kempen.Course(data, Utc(2015, 4, 20));
        foreach (var (person, index) in data.People(9, "Poperinge").Select((p, i) => (p, i)))
        {
            data.SignUp(person, poperinge, Utc(2015, 3 + (index % 3), 2), index % 2 == 0 ? SignUpStatus.Attended : SignUpStatus.Confirmed);
            data.HelpRequest(person, Utc(2015, 4, 8), HelpRequestChannel.HomeVisit);
        }

        foreach (var _ in Enumerable.Range(0, 4))
        {
            data.SignUp(data.Person(_kempen.Town.Id), kempen, Utc(2015, 4, 3));
        }

        await data.SaveAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Region.FirstRegionId)]
    [InlineData(0)]
    public async Task The_coordinators_csv_and_workbook_hold_the_figures_of_reach_statistics(int regionId)
    {
        var token = regionId == 0 ? _kempen.Token(StaffRole.Coordinator) : SecondRegion.Mint(api, StaffRole.Coordinator, regionId);
        var expected = await ExpectedAsync(token);

        var csv = await DownloadAsync("csv", token);
        var workbook = await DownloadAsync("xlsx", token);

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        AssertFigures(expected, ReadCsv(csv));
        var sheet = Assert.Single(ReadWorkbook(workbook));
        Assert.Equal((string?)expected["regionCode"], sheet.Key);
        AssertFigures(expected, sheet.Value);
    }

    [Fact]
    public async Task The_admin_gets_the_overview_and_a_sheet_per_region()
    {
        var workbook = ReadWorkbook(await DownloadAsync("xlsx", SecondRegion.Mint(api, StaffRole.Admin, null)));

        Assert.Equal("overzicht", workbook.Keys.First());
        Assert.Contains("poperinge", workbook.Keys);
        AssertFigures(await ExpectedAsync(_kempen.Token(StaffRole.Coordinator)), workbook["rapportkempen"]);
        AssertFigures(await ExpectedAsync(SecondRegion.Mint(api, StaffRole.Coordinator, Region.FirstRegionId)), workbook["poperinge"]);
        var total = workbook["overzicht"].Single(row => row[0].StartsWith("Totaal", StringComparison.Ordinal));
        Assert.Equal("13", total[3]);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(StaffRole.Staff, HttpStatusCode.Forbidden)]
    [InlineData(StaffRole.Digibuddy, HttpStatusCode.Forbidden)]
    public async Task Only_coordinators_and_the_admin_download_the_report(StaffRole? role, HttpStatusCode status)
    {
        foreach (var extension in new[] { "csv", "xlsx" })
        {
            var client = api.CreateClient();
            if (role is { } signedIn)
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", SecondRegion.Mint(api, signedIn, Region.FirstRegionId));
            }

            using var response = await client.GetAsync($"/reports/reach.{extension}?{Period}");
            Assert.Equal(status, response.StatusCode);
        }
    }

    [Fact]
    public void A_text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text()
    {
        Assert.Equal("'=HYPERLINK(\"x\")", ReachReportCsv.Guard("=HYPERLINK(\"x\")"));
        Assert.Equal("'+32", ReachReportCsv.Guard("+32"));
        Assert.Equal("'-1", ReachReportCsv.Guard("-1"));
        Assert.Equal("'@SUM(A1)", ReachReportCsv.Guard("@SUM(A1)"));
        Assert.Equal("Poperinge", ReachReportCsv.Guard("Poperinge"));
    }

    private async Task<JsonNode> ExpectedAsync(string token) =>
        (await SecondRegion.Client(api, token).QueryAsync(RegionReachTests.Reach, new { from = "2015-01-01T00:00:00+01:00", to = "2016-01-01T00:00:00+01:00" }))["reachStatistics"]!;

    private async Task<byte[]> DownloadAsync(string extension, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await client.GetAsync($"/reports/reach.{extension}?{Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Every figure of the totals and of every breakdown row, found in the file by its label.</summary>
    private static void AssertFigures(JsonNode expected, List<string[]> rows)
    {
        var threshold = (int)expected["smallGroupThreshold"]!;
        var figures = new[] { "peopleReached", "signUps", "attended", "noShows", "loans", "helpRequests", "homeVisits" };
        void Compare(string label, JsonNode row)
        {
            var line = rows.First(cells => cells[0] == label);
            for (var index = 0; index < figures.Length; index++)
            {
                var value = (int?)row[figures[index]];
                Assert.Equal(value is { } shown ? shown.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"< {threshold}", line[index + 1]);
            }
        }

        Compare("Hele regio", expected);
        foreach (var town in expected["byMunicipality"]!.AsArray())
        {
            Compare((string)town!["municipality"]!["name"]!, town);
        }

        foreach (var group in expected["byTargetGroup"]!.AsArray())
        {
            Compare(ReachReport.GroupName(Enum.Parse<Digibank.Api.Vocabulary.TargetGroup>(((string)group!["targetGroup"]!).Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true)), group);
        }

        foreach (var month in expected["byMonth"]!.AsArray())
        {
            Compare((string)month!["month"]!, month);
        }
    }

    private static List<string[]> ReadCsv(byte[] file) =>
        [.. Encoding.UTF8.GetString(file.AsSpan(3)).Split("\r\n").Select(line => line.Split(';').Select(cell => cell.Trim('"')).ToArray())];

    /// <summary>The worksheets by name, each as rows of cell texts, read from the package's XML.</summary>
    private static Dictionary<string, List<string[]>> ReadWorkbook(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file));
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace package = "http://schemas.openxmlformats.org/package/2006/relationships";
        XDocument Load(string path) => XDocument.Load(zip.GetEntry(path)!.Open());
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } strings
            ? XDocument.Load(strings.Open()).Root!.Elements(main + "si").Select(si => string.Concat(si.Descendants(main + "t").Select(t => t.Value))).ToList()
            : [];
        var targets = Load("xl/_rels/workbook.xml.rels").Root!.Elements(package + "Relationship").ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        var sheets = new Dictionary<string, List<string[]>>();
        foreach (var sheet in Load("xl/workbook.xml").Descendants(main + "sheet"))
        {
            var target = targets[(string)sheet.Attribute(relations + "id")!].TrimStart('/');
            var rows = Load(target.StartsWith("xl/", StringComparison.Ordinal) ? target : $"xl/{target}").Descendants(main + "row")
                .Select(row => row.Elements(main + "c").Select(cell => (string?)cell.Attribute("t") switch
                {
                    "s" => shared[(int)cell.Element(main + "v")!],
                    "inlineStr" => string.Concat(cell.Descendants(main + "t").Select(t => t.Value)),
                    _ => cell.Element(main + "v")?.Value ?? string.Empty,
                }).ToArray())
                .Where(cells => cells.Length > 0)
                .ToList();
            sheets[(string)sheet.Attribute("name")!] = rows;
        }

        return sheets;
    }
}
