using System.Net.Http.Headers;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Regions;

/// <summary>
/// An invented second Digibank beside the demo region, built as an admin would: its region and towns by
/// <c>createRegion</c>, its coordinator by <c>nameRegionCoordinator</c>; its help point, devices and course as the
/// partners' sync and the seed would put them; its own people by signing up at its own counter.
/// </summary>
public sealed class SecondRegion
{
    public const string Code = "westhoek-test";
    public const string HelpPoint = "Dorpshuis Alveringem";
    public const string Town = "Alveringem";
    public const string Resident = "Zulma";

    private readonly DigibankApiFactory _api;

    private SecondRegion(DigibankApiFactory api, int regionId, int helpPointId, string courseId)
    {
        _api = api;
        RegionId = regionId;
        HelpPointId = helpPointId;
        CourseId = courseId;
    }

    public int RegionId { get; }

    public int HelpPointId { get; }

    public string CourseId { get; }

    private int _townId;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DigibankApiFactory, Task<SecondRegion>> Built = [];

    /// <summary>The second region of this API, built by the first test that asks for it.</summary>
    public static Task<SecondRegion> OfAsync(DigibankApiFactory api)
    {
        lock (Built)
        {
            return Built.GetValue(api, BuildAsync);
        }
    }

    private static async Task<SecondRegion> BuildAsync(DigibankApiFactory api)
    {
        var admin = api.CreateAdminClient();
        var created = await admin.QueryAsync(
            "mutation ($input: CreateRegionInput!) { createRegion(input: $input) { region { id code } errors { ... on Error { code message } } } }",
            new
            {
                input = new
                {
                    code = Code,
                    name = "Digibank Westhoek (test)",
                    municipalities = new[]
                    {
                        new { name = Town, postalCode = "8690", latitude = 50.999, longitude = 2.711 },
                        new { name = "Lo-Reninge", postalCode = "8647", latitude = 50.952, longitude = 2.756 },
                    },
                },
            });
        Assert.Empty(created["createRegion"]!["errors"]!.AsArray());
        var regionGlobalId = (string)created["createRegion"]!["region"]!["id"]!;
        var named = await admin.QueryAsync(
            "mutation ($input: NameRegionCoordinatorInput!) { nameRegionCoordinator(input: $input) { regionCoordinator { name } errors { ... on Error { code } } } }",
            new { input = new { regionId = regionGlobalId, name = "Griet Westhoek", email = "griet@westhoek.example" } });
        Assert.Empty(named["nameRegionCoordinator"]!["errors"]!.AsArray());

        await using var db = api.CreateDbContext();
        var region = await db.Regions.SingleAsync(r => r.Code == Code);
        var town = await db.Municipalities.SingleAsync(m => m.Name == Town);
        var point = new HelpPoint { Name = HelpPoint, Kind = HelpPointKind.CommunityHouse, MunicipalityId = town.Id };
        db.HelpPoints.Add(point);
        await db.SaveChangesAsync();
        for (var number = 1; number <= 2; number++)
        {
            db.Devices.Add(new Device { Kind = DeviceKind.Laptop, AssetTag = $"WH-LAP-{number:000}", Model = "Testlaptop", HomeHelpPointId = point.Id });
        }

        await db.SaveChangesAsync();
        api.Services.GetRequiredService<IPlaceRegions>().Forget();
        var second = new SecondRegion(api, region.Id, point.Id, await Courses.TestCourses.AddAsync(api, capacity: 5, helpPoint: HelpPoint, title: "Starten met je tablet in Alveringem"));
        second._townId = town.Id;
        await second.SignUpAsync(Resident);
        return second;
    }

    /// <summary>Signs a resident of the region's town up at its help point's counter, for the region's course.</summary>
    public async Task SignUpAsync(string firstName)
    {
        var signedUp = await Staff().QueryAsync(Residents.SignUpMutation, new
        {
            input = new { courseId = CourseId, firstName, municipalityId = GlobalId.Encode("Municipality", _townId), targetGroup = "SENIORS", consent = true },
        });
        Assert.Empty(signedUp["signUpForCourse"]!["errors"]!.AsArray());
    }

    public string CoordinatorToken() => Token(StaffRole.Coordinator, []);

    public string StaffToken() => Token(StaffRole.Staff, [HelpPointId]);

    public GraphQLTestClient Coordinator() => Client(CoordinatorToken());

    public GraphQLTestClient Staff() => Client(StaffToken());

    private string Token(StaffRole role, int[] helpPoints) =>
        _api.Services.GetRequiredService<StaffTokens>().Mint($"test:westhoek:{role}", $"Westhoek {role}", role, RegionId, helpPoints);

    private GraphQLTestClient Client(string token)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new GraphQLTestClient(client);
    }
}
