using Digibank.Api.Data;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.HelpRequests;

/// <summary>The help-request rules on the database itself, without GraphQL: from a resident's question to a resolved home visit.</summary>
public sealed class HelpDeskTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private static readonly StaffUser Coordinator = new("coordinator", "Coördinator", StaffRole.Coordinator, Region.FirstRegionId, new HashSet<int>(), null);

    private DateTime Now => api.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_home_visit_goes_to_the_mobile_team_to_a_digibuddy_who_knows_the_topic_at_a_free_slot_and_is_resolved_by_them()
    {
        await using var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var desk = new HelpDesk(db, Now);
        var itsme = await db.Topics.Where(t => t.Code == "itsme").Select(t => t.Id).SingleAsync();
        var (marc, jonas) = (await DigibuddyAsync(db, "Marc"), await DigibuddyAsync(db, "Jonas"));
        var slot = (From: Now.AddDays(2), Until: Now.AddDays(2).AddHours(1));

        var first = await RegisterHomeVisitAsync(desk, db, itsme);
        var second = await RegisterHomeVisitAsync(desk, db, itsme);
        await db.SaveChangesAsync();
        var toMarc = await desk.AssignAsync(new AssignHelpRequest(first.Id, marc.DigibuddyId, Coordinator), CancellationToken.None);
        await desk.AssignAsync(new AssignHelpRequest(first.Id, jonas.DigibuddyId, Coordinator), CancellationToken.None);
        await desk.AssignAsync(new AssignHelpRequest(second.Id, jonas.DigibuddyId, Coordinator), CancellationToken.None);
        await desk.ScheduleHomeVisitAsync(new ScheduleHomeVisit(first.Id, slot.From, slot.Until, Coordinator), CancellationToken.None);
        await db.SaveChangesAsync();
        var overlapping = await desk.ScheduleHomeVisitAsync(new ScheduleHomeVisit(second.Id, slot.From.AddMinutes(30), slot.Until.AddMinutes(30), Coordinator), CancellationToken.None);
        var resolvedByMarc = await desk.ChangeStatusAsync(new ChangeHelpRequestStatus(first.Id, HelpRequestStatus.Resolved, marc), CancellationToken.None);
        var resolvedByJonas = await desk.ChangeStatusAsync(new ChangeHelpRequestStatus(first.Id, HelpRequestStatus.Resolved, jonas), CancellationToken.None);
        var cancelledAfterwards = await desk.ChangeStatusAsync(new ChangeHelpRequestStatus(first.Id, HelpRequestStatus.Cancelled, Coordinator), CancellationToken.None);

        Assert.Equal(HelpPointKind.MobileTeam, (await db.HelpPoints.SingleAsync(h => h.Id == first.HelpPointId)).Kind);
        Assert.Equal("itsme", Assert.IsType<DigibuddyLacksSkillError>(toMarc.Error).TopicName);
        Assert.Equal((slot.From, slot.Until), (Assert.IsType<SlotTakenError>(overlapping.Error).TakenFrom, ((SlotTakenError)overlapping.Error!).TakenUntil));
        Assert.IsType<NotAllowedError>(resolvedByMarc.Error);
        Assert.Equal((HelpRequestStatus.Resolved, (DateTime?)Now), (resolvedByJonas.Value!.Status, resolvedByJonas.Value.ResolvedAt));
        Assert.Equal((HelpRequestStatus.Resolved, HelpRequestStatus.Cancelled), (Assert.IsType<InvalidStatusChangeError>(cancelledAfterwards.Error).From, ((InvalidStatusChangeError)cancelledAfterwards.Error!).To));
    }

    private async Task<HelpRequest> RegisterHomeVisitAsync(HelpDesk desk, DigibankDbContext db, int topicId)
    {
        var poperinge = await db.Municipalities.Where(m => m.Name == "Poperinge").Select(m => m.Id).SingleAsync();
        var resident = new ResidentDetails("Maria", null, "0470 12 34 56", poperinge, TargetGroup.Seniors);
        var registered = await desk.RegisterAsync(
            new RegisterHelpRequest(topicId, HelpRequestUrgency.Normal, HelpRequestChannel.HomeVisit, HelpPointId: null, resident, Staff: null), CancellationToken.None);
        return registered.Value ?? throw new InvalidOperationException($"Not registered: {registered.Error}");
    }

    private static async Task<StaffUser> DigibuddyAsync(DigibankDbContext db, string firstName) =>
        new($"digibuddy-{firstName}", firstName, StaffRole.Digibuddy, Region.FirstRegionId, new HashSet<int>(), await db.Digibuddies.Where(d => d.FirstName == firstName).Select(d => d.Id).SingleAsync());
}
