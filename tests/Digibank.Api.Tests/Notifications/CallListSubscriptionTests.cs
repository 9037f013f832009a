using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Notifications;

/// <summary>Staff of a help point see the people they have to call arrive, over a real WebSocket; nobody else does.</summary>
public sealed class CallListSubscriptionTests(NotificationsApiFactory api) : IClassFixture<NotificationsApiFactory>
{
    private const string CallTaskAdded = """
        subscription ($point: ID!) { callTaskAdded(helpPointId: $point) { reason outcome script participant { firstName } } }
        """;

    [Fact]
    public async Task A_counter_sign_up_without_contact_arrives_on_the_call_list_of_its_help_point_for_its_staff_only()
    {
        var course = await TestCourses.AddAsync(api, capacity: 5, helpPoint: "Buurtsalon Krombeke");
        var tokens = api.Services.GetRequiredService<StaffTokens>();
        int krombekeId, libraryId;
        await using (var db = api.CreateDbContext())
        {
            krombekeId = await db.HelpPoints.Where(h => h.Name == "Buurtsalon Krombeke").Select(h => h.Id).SingleAsync();
            libraryId = await db.HelpPoints.Where(h => h.Name == "Bibliotheek Poperinge").Select(h => h.Id).SingleAsync();
        }

        var point = new { point = GlobalId.Encode("HelpPoint", krombekeId) };
        await using var staff = await GraphQLWebSocketClient.ConnectAndInitAsync(api, tokens.Mint("k", "Els", StaffRole.Staff, Region.FirstRegionId, [krombekeId]));
        await using var otherPoint = await GraphQLWebSocketClient.ConnectAndInitAsync(api, tokens.Mint("l", "Bart", StaffRole.Staff, Region.FirstRegionId, [libraryId]));
        await using var anonymous = await GraphQLWebSocketClient.ConnectAndInitAsync(api);
        await staff.SubscribeAsync("s", CallTaskAdded, point);
        await otherPoint.SendAsync(new { id = "o", type = "subscribe", payload = new { query = CallTaskAdded, variables = point } });
        await anonymous.SendAsync(new { id = "a", type = "subscribe", payload = new { query = CallTaskAdded, variables = point } });
        var refusedOtherPoint = await otherPoint.ReceiveAsync();
        var refusedAnonymous = await anonymous.ReceiveAsync();

        await api.CreateStaffClient(StaffRole.Staff, "Buurtsalon Krombeke").QueryAsync(Residents.SignUpMutation, new
        {
            input = new { courseId = course, firstName = "Godelieve", municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true },
        });

        var task = (await staff.NextAsync("s"))["payload"]!["data"]!["callTaskAdded"]!;
        Assert.Equal(("SIGN_UP_CONFIRMED", "OPEN", "Godelieve"), ((string?)task["reason"], (string?)task["outcome"], (string?)task["participant"]!["firstName"]));
        Assert.Contains("Dag Godelieve,", (string?)task["script"], StringComparison.Ordinal);
        Assert.Equal(("error", "AUTH_NOT_AUTHORIZED"), ((string?)refusedOtherPoint!["type"], (string?)refusedOtherPoint["payload"]![0]!["extensions"]!["code"]));
        Assert.Equal(("error", "AUTH_NOT_AUTHENTICATED"), ((string?)refusedAnonymous!["type"], (string?)refusedAnonymous["payload"]![0]!["extensions"]!["code"]));
    }
}
