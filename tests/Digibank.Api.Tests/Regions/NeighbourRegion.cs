using System.Runtime.CompilerServices;
using Digibank.Api.Courses;
using Digibank.Api.Devices;
using Digibank.Api.Finder;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Regions;

/// <summary>
/// An invented second Digibank beside the demo region, once per API: regio Ieper with the towns Ieper (13 km from
/// Vleteren, across the border) and Zonnebeke (19 km), a library with a tablet, and one course of a demo partner there.
/// </summary>
public sealed record NeighbourRegion(int RegionId, int IeperId, int ZonnebekeId, int LibraryId, int CourseId)
{
    public const string Code = "ieper";
    public const string LibraryName = "Bibliotheek Ieper";
    public const string CourseTitle = "Tablet in Ieper";

    private static readonly ConditionalWeakTable<DigibankApiFactory, Task<NeighbourRegion>> Built = new();

    public static Task<NeighbourRegion> OfAsync(DigibankApiFactory api)
    {
        lock (Built)
        {
            return Built.GetValue(api, BuildAsync);
        }
    }

    /// <summary>A token of this region's coordinator.</summary>
    public GraphQLTestClient Coordinator(DigibankApiFactory api)
    {
        var token = api.Services.GetRequiredService<StaffTokens>().Mint("test:ieper:coordinator", "Coördinator Ieper", StaffRole.Coordinator, RegionId, []);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new GraphQLTestClient(client);
    }

    private static async Task<NeighbourRegion> BuildAsync(DigibankApiFactory api)
    {
        await using var db = api.CreateDbContext();
        var region = new Region { Code = Code, Name = "Digibank regio Ieper" };
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        var ieper = new Municipality { Name = "Ieper", PostalCode = "8900", RegionId = region.Id, Latitude = 50.8503, Longitude = 2.8850 };
        var zonnebeke = new Municipality { Name = "Zonnebeke", PostalCode = "8980", RegionId = region.Id, Latitude = 50.8717, Longitude = 2.9873 };
        db.Municipalities.AddRange(ieper, zonnebeke);
        var library = new HelpPoint
        {
            Name = LibraryName, Kind = HelpPointKind.Library, Municipality = ieper, Street = "Weverijstraat 10", PostalCode = "8900",
            Latitude = 50.8510, Longitude = 2.8870, Services = [HelpPointService.WalkInHelp, HelpPointService.DeviceLending, HelpPointService.Courses],
        };
        db.HelpPoints.Add(library);
        db.Devices.Add(new Device { Kind = DeviceKind.Tablet, AssetTag = "IEP-TAB-001", Model = "Galaxy Tab A9", HomeHelpPoint = library, Status = DeviceStatus.Available });
        await db.SaveChangesAsync();

        var template = await db.Courses.AsNoTracking().Include(c => c.Sessions).OrderBy(c => c.Id).FirstAsync(c => c.Status == CourseStatus.Scheduled);
        var topics = await db.Topics.AsTracking().Where(t => t.Code == "smartphone-basics").ToListAsync();
        var course = new Course
        {
            Title = CourseTitle, Summary = template.Summary, PartnerId = template.PartnerId, ExternalId = "IEPER-1",
            HelpPointId = library.Id, MunicipalityId = ieper.Id, Capacity = 12, StartsAt = template.StartsAt, Topics = topics,
            TargetGroups = [TargetGroup.Seniors], UpdatedAt = template.UpdatedAt,
            Sessions = [.. template.Sessions.Select(s => new CourseSession { StartsAt = s.StartsAt, EndsAt = s.EndsAt })],
        };
        db.Courses.Add(course);
        await db.SaveChangesAsync();

        // What the API keeps in memory of places and courses is read again.
        api.Services.GetRequiredService<IPlaceRegions>().Forget();
        api.Services.GetRequiredService<HelpPointDirectory>().Invalidate();
        api.Services.GetRequiredService<UpcomingCourses>().Invalidate();
        return new NeighbourRegion(region.Id, ieper.Id, zonnebeke.Id, library.Id, course.Id);
    }
}
