using Digibank.Api.Courses;
using Digibank.Api.Municipalities;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>An invented second region beside the demo region: its own row, one town, and tokens for its people.</summary>
public sealed record SecondRegion(DigibankApiFactory Api, Region Region, Municipality Town)
{
    /// <summary>The region with this code, added by the first test of a class that asks for it; null when it was there already.</summary>
    public static async Task<(SecondRegion Region, bool IsNew)> EnsureAsync(DigibankApiFactory api, string code, int threshold)
    {
        await using (var db = api.CreateDbContext())
        {
            if (await db.Regions.SingleOrDefaultAsync(r => r.Code == code) is { } region)
            {
                return (new SecondRegion(api, region, await db.Municipalities.SingleAsync(m => m.RegionId == region.Id)), false);
            }
        }

        return (await AddAsync(api, code, threshold), true);
    }

    public static async Task<SecondRegion> AddAsync(DigibankApiFactory api, string code, int threshold)
    {
        await using var db = api.CreateDbContext();
        var region = db.Regions.Add(new Region { Code = code, Name = $"Digibank regio {code}", SmallGroupThreshold = threshold }).Entity;
        await db.SaveChangesAsync();
        var town = db.Municipalities.Add(new Municipality { Name = $"Dorp {code}", PostalCode = "9999", RegionId = region.Id }).Entity;
        await db.SaveChangesAsync();
        return new SecondRegion(api, region, town);
    }

    /// <summary>A course held in this region's town: its sign-ups belong to this region.</summary>
    public Course Course(ReachTestData data, DateTime startsAt)
    {
        var course = data.Course(startsAt);
        course.MunicipalityId = Town.Id;
        return course;
    }

    public string Token(StaffRole role) => Mint(Api, role, Region.Id);

    public static string Mint(DigibankApiFactory api, StaffRole role, int? regionId) =>
        api.Services.GetRequiredService<StaffTokens>().Mint($"test:{role}:{regionId}", $"Test {role}", role, role == StaffRole.Admin ? null : regionId, [],
            digibuddyId: role == StaffRole.Digibuddy ? 1 : null);

    public static GraphQLTestClient Client(DigibankApiFactory api, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new GraphQLTestClient(client);
    }
}
