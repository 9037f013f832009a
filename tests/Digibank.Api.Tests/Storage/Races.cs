using Digibank.Api.Courses;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Devices;
using Microsoft.EntityFrameworkCore;
using static Digibank.Api.Tests.Devices.LendingTestData;

namespace Digibank.Api.Tests.Storage;

/// <summary>
/// The races that must never be lost, on any store and across API instances: requests go to the instances in
/// turn, as a load balancer would send them, all released at once.
/// </summary>
public static class Races
{
    private const string SignUp = """
        mutation ($input: SignUpForCourseInput!) {
          signUpForCourse(input: $input) { signUp { status waitlistPosition } errors { ... on Error { code } } }
        }
        """;

    /// <summary>50 residents sign up at once for 10 seats: 10 seats, a waiting list of 40 in order, the course full.</summary>
    public static async Task FiftySignUpsForTenSeatsAsync(IReadOnlyList<DigibankApiFactory> instances, string round)
    {
        var api = instances[0];
        var course = await TestCourses.AddAsync(api, capacity: 10);
        var municipalityId = await TestCourses.MunicipalityIdAsync(api);
        var clients = instances.Select(instance => instance.CreateGraphQLClient()).ToList();
        using var start = new SemaphoreSlim(0);

        var attempts = Enumerable.Range(1, 50).Select(async person =>
        {
            await start.WaitAsync();
            return await clients[person % clients.Count].QueryAsync(SignUp, new
            {
                input = new { courseId = course, firstName = "Persoon", email = $"r{round}p{person}@example.com", municipalityId, targetGroup = "EVERYONE", consent = true },
            });
        }).ToList();
        start.Release(50);
        var payloads = await Task.WhenAll(attempts);

        Assert.All(payloads, payload => Assert.Empty(payload["signUpForCourse"]!["errors"]!.AsArray()));
        using var scope = RegionScope.For(Region.FirstRegionId);
        await using var db = api.CreateDbContext();
        var courseId = GlobalId.DecodeFor(CourseType.TypeName, course);
        var signUps = await db.SignUps.Where(s => s.CourseId == courseId).OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(10, signUps.Count(s => s.Status == SignUpStatus.Confirmed));
        var waiting = signUps.Where(s => s.Status == SignUpStatus.Waitlisted).ToList();
        Assert.Equal(40, waiting.Count);
        // Places 1 to 40, handed out in the order the sign-ups were stored.
        Assert.Equal(Enumerable.Range(1, 40), waiting.Select(s => s.WaitlistPosition!.Value));
        Assert.True(signUps.Take(10).All(s => s.Status == SignUpStatus.Confirmed), "the first ten stored have the seats");
        Assert.Equal(CourseStatus.Full, (await db.Courses.SingleAsync(c => c.Id == courseId)).Status);
    }

    /// <summary>Ten staff members lend the same device to ten people at once: exactly one loan, nine told it is on loan.</summary>
    public static async Task TenStaffLendOneDeviceAsync(IReadOnlyList<DigibankApiFactory> instances, string assetTag)
    {
        const int counters = 10;
        var api = instances[0];
        var staff = Enumerable.Range(0, counters).Select(i => instances[i % instances.Count].CreateStaffClient(StaffRole.Staff, Library)).ToList();
        var device = await api.DeviceAsync(assetTag);
        var borrowers = new List<int>();
        for (var i = 0; i < counters; i++)
        {
            borrowers.Add(await api.NewBorrowerAsync($"Lener{i}"));
        }

        using var start = new SemaphoreSlim(0);
        var attempts = borrowers.Select(async (borrower, i) =>
        {
            await start.WaitAsync();
            return await staff[i].MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(device.Id), participantId = ParticipantId(borrower) });
        }).ToList();
        start.Release(counters);
        var payloads = await Task.WhenAll(attempts);

        Assert.Single(payloads, payload => payload["loan"] is not null);
        Assert.All(payloads.Where(payload => payload["loan"] is null), payload =>
        {
            Assert.Equal(["DEVICE_NOT_AVAILABLE"], payload.ErrorCodes());
            Assert.Equal("ON_LOAN", (string?)payload["errors"]![0]!["status"]);
        });
        using var scope = RegionScope.For(Region.FirstRegionId);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.Loans.CountAsync(l => l.DeviceId == device.Id && l.ReturnedAt == null));
    }
}
