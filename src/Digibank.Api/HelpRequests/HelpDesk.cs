using System.Globalization;
using Digibank.Api.Data;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpRequests;

/// <summary>
/// The rules of help requests, whoever asks: a home visit without a help point goes to the mobile team; staff
/// handle the requests of their own points and digibuddies plan and resolve only their own; a digibuddy helps only
/// with topics they know and has one visit at a time. Works inside the caller's transaction on the caller's context.
/// </summary>
public sealed class HelpDesk(DigibankDbContext db, DateTime now)
{
    public const int MaxVisitHours = 4;

    /// <summary>A visit planned further ahead than this is a typing error, not a plan.</summary>
    public static readonly TimeSpan MaxPlanningHorizon = TimeSpan.FromDays(366);

    public async Task<Result<HelpRequest>> RegisterAsync(RegisterHelpRequest command, CancellationToken cancellationToken)
    {
        var (topicId, urgency, channel, helpPointId, resident, staff) = command;
        if (!await db.Topics.AnyAsync(t => t.Id == topicId, cancellationToken))
        {
            return new NotFoundError("There is no such topic.");
        }

        if (await db.Municipalities.Where(m => m.Id == resident.MunicipalityId).Select(m => (int?)m.RegionId).SingleOrDefaultAsync(cancellationToken) is not { } homeRegionId)
        {
            return new NotFoundError("There is no such town in the region.");
        }

        // A home visit goes to the mobile team of the region the person lives in.
        var helpPoint = helpPointId is { } id
            ? await db.HelpPoints.SingleOrDefaultAsync(h => h.Id == id, cancellationToken)
            : channel == HelpRequestChannel.HomeVisit
                ? await db.HelpPoints.Where(h => h.Kind == HelpPointKind.MobileTeam && h.RegionId == homeRegionId).OrderBy(h => h.Id).FirstOrDefaultAsync(cancellationToken)
                : null;
        var regionId = helpPoint?.RegionId ?? homeRegionId;
        if (helpPointId is not null && helpPoint is null)
        {
            return new NotFoundError("There is no such help point.");
        }

        // Handing a home visit to the mobile team is what any resident can do, so any staff member may do it for them.
        var handsOverToMobileTeam = channel == HelpRequestChannel.HomeVisit && helpPoint?.Kind == HelpPointKind.MobileTeam;
        if (staff is not null && !(handsOverToMobileTeam ? staff.WorksIn(regionId) : staff.CanActFor(helpPoint?.Id, regionId)))
        {
            return new NotAllowedError("You can register help requests only for the help points you work at.");
        }

        db.EnterRegion(regionId);
        return db.HelpRequests.Add(new HelpRequest
        {
            TopicId = topicId,
            Urgency = urgency,
            Channel = channel,
            MunicipalityId = resident.MunicipalityId,
            HelpPointId = helpPoint?.Id,
            RegionId = regionId,
            Participant = resident.Store(db, regionId, await resident.FindKnownAsync(db, regionId, cancellationToken), now, staff),
            Status = HelpRequestStatus.Open,
            CreatedAt = now,
        }).Entity;
    }

    public async Task<Result<HelpRequest>> AssignAsync(AssignHelpRequest command, CancellationToken cancellationToken)
    {
        var managed = await RequestAsync(command.HelpRequestId, command.Staff, request => command.Staff.CanActFor(request.HelpPointId, request.RegionId), cancellationToken);
        if (managed.Value is not { } request)
        {
            return managed;
        }

        if (HelpRequestStatusChanges.Check(request, HelpRequestStatus.Assigned) is { } invalidChange)
        {
            return invalidChange;
        }

        if (command.DigibuddyId is { } buddyId)
        {
            var digibuddy = await db.Digibuddies.Include(d => d.Skills).Include(d => d.Municipality).SingleOrDefaultAsync(d => d.Id == buddyId, cancellationToken);
            // A volunteer of another region is not this region's to send: as if there were none.
            if (digibuddy is null || digibuddy.Municipality!.RegionId != request.RegionId)
            {
                return new NotFoundError("There is no such digibuddy.");
            }

            if (!digibuddy.Active)
            {
                return new DigibuddyInactiveError($"{digibuddy.FirstName} no longer takes help requests.");
            }

            if (digibuddy.Skills.All(skill => skill.Id != request.TopicId))
            {
                var topic = await db.Topics.SingleAsync(t => t.Id == request.TopicId, cancellationToken);
                return new DigibuddyLacksSkillError($"{digibuddy.FirstName} does not help with {topic.Name}.", topic.Name);
            }
        }

        request.AssignedDigibuddyId = command.DigibuddyId;
        request.AssignedStaffName = command.DigibuddyId is null ? command.Staff.Name : null;
        request.AssignedAt = now;
        request.Status = HelpRequestStatus.Assigned;
        return request;
    }

    /// <summary>
    /// The shape of a home visit's slot, whoever plans it: in the future, at most <see cref="MaxPlanningHorizon"/> ahead,
    /// ending after it starts and lasting at most <see cref="MaxVisitHours"/> hours. Into <paramref name="rules"/>, so a
    /// caller that checks more input reports every refusal at once.
    /// </summary>
    public static void CheckSlot(InputRules rules, DateTime startsAt, DateTime endsAt, DateTime now)
    {
        rules.Future(nameof(ScheduleHomeVisit.StartsAt), startsAt, now);
        rules.Require(startsAt <= now + MaxPlanningHorizon, nameof(ScheduleHomeVisit.StartsAt), "`startsAt` can be at most a year ahead.");
        rules.Require(endsAt > startsAt, nameof(ScheduleHomeVisit.EndsAt), "`endsAt` must come after `startsAt`.");
        rules.Require(endsAt - startsAt <= TimeSpan.FromHours(MaxVisitHours), nameof(ScheduleHomeVisit.EndsAt), $"A home visit lasts at most {MaxVisitHours} hours.");
    }

    public async Task<Result<HelpRequest>> ScheduleHomeVisitAsync(ScheduleHomeVisit command, CancellationToken cancellationToken)
    {
        var (_, startsAt, endsAt, staff) = command;
        var slot = new InputRules();
        CheckSlot(slot, startsAt, endsAt, now);
        if (slot.Errors.FirstOrDefault() is { } invalidSlot)
        {
            return invalidSlot;
        }

        var helped = await RequestAsync(command.HelpRequestId, staff, staff.Helps, cancellationToken);
        if (helped.Value is not { } request)
        {
            return helped;
        }

        if (request.Channel != HelpRequestChannel.HomeVisit)
        {
            return new NotAHomeVisitError("Only home visits get a time slot.", request.Channel);
        }

        if (HelpRequestStatusChanges.Check(request, HelpRequestStatus.Scheduled) is { } invalidChange)
        {
            return invalidChange;
        }

        if (request.AssignedDigibuddyId is { } digibuddyId
            && await db.HelpRequests
                .Where(other => other.Id != request.Id && other.AssignedDigibuddyId == digibuddyId && other.Status == HelpRequestStatus.Scheduled
                    && other.VisitStartsAt < endsAt && startsAt < other.VisitEndsAt)
                .OrderBy(other => other.VisitStartsAt)
                .FirstOrDefaultAsync(cancellationToken) is { } clash)
        {
            return new SlotTakenError(
                string.Create(CultureInfo.InvariantCulture,
                    $"The digibuddy already has a visit from {RegionTime.ToLocal(clash.VisitStartsAt!.Value):d MMMM HH:mm} to {RegionTime.ToLocal(clash.VisitEndsAt!.Value):HH:mm}."),
                clash.VisitStartsAt.Value,
                clash.VisitEndsAt.Value);
        }

        request.VisitStartsAt = startsAt;
        request.VisitEndsAt = endsAt;
        request.Status = HelpRequestStatus.Scheduled;
        return request;
    }

    /// <summary>Resolves or cancels a request; the assigned digibuddy may resolve their own.</summary>
    public async Task<Result<HelpRequest>> ChangeStatusAsync(ChangeHelpRequestStatus command, CancellationToken cancellationToken)
    {
        var (_, status, staff) = command;
        var changed = await RequestAsync(command.HelpRequestId, staff,
            request => staff.CanActFor(request.HelpPointId, request.RegionId) || (status == HelpRequestStatus.Resolved && staff.IsAssignedDigibuddyOf(request)),
            cancellationToken);
        if (changed.Value is not { } request)
        {
            return changed;
        }

        // Assigning needs a helper and scheduling a slot, so those statuses come only from their own mutations.
        var needsOwnMutation = status switch
        {
            HelpRequestStatus.Assigned => "assignHelpRequest",
            HelpRequestStatus.Scheduled => "scheduleHomeVisit",
            _ => null,
        };
        if (needsOwnMutation is not null)
        {
            return new InvalidStatusChangeError($"Use `{needsOwnMutation}` for this.", request.Status, status);
        }

        if (HelpRequestStatusChanges.Check(request, status) is { } invalidChange)
        {
            return invalidChange;
        }

        request.Status = status;
        if (status == HelpRequestStatus.Resolved)
        {
            request.ResolvedAt = now;
        }

        return request;
    }

    /// <summary>The request, tracked, when the caller may do this with it; otherwise the error that says why not.</summary>
    private async Task<Result<HelpRequest>> RequestAsync(int helpRequestId, StaffUser caller, Func<HelpRequest, bool> allowed, CancellationToken cancellationToken)
    {
        var request = await db.HelpRequests.SingleOrDefaultAsync(h => h.Id == helpRequestId, cancellationToken);
        return request is null ? new NotFoundError("There is no such help request.")
            : allowed(request) ? request
            : new NotAllowedError(caller.IsDigibuddy ? "A digibuddy plans and resolves only the help requests assigned to them."
                : request.HelpPointId is null ? "Only the coordinator handles help requests without a help point."
                : "This help request belongs to a help point you do not work at.");
    }
}
