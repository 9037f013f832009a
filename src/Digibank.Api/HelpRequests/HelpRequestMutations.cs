using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpRequests;

public static class HelpRequestMutations
{
    public const int MaxVisitHours = 4;

    /// <summary>A visit planned further ahead than this is a typing error, not a plan.</summary>
    private static readonly TimeSpan MaxPlanningHorizon = TimeSpan.FromDays(366);

    public static void AddHelpRequestMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<RegisterHelpRequestInput, HelpRequest>("registerHelpRequest", RegisterAsync,
            "Registers a resident's question. Anonymous callers give one contact channel; staff may register someone without one, " +
            "for the help points they work at. A home visit goes to the mobile team.",
            payload: "The registered help request, open until someone is assigned.",
            typeof(ConsentRequiredError));
        mutation.StaffMutation<AssignHelpRequestInput, HelpRequest>("assignHelpRequest", AssignAsync,
            "Staff of the request's help point (or the coordinator) give the request to a digibuddy who knows the topic, or take it themselves.",
            payload: "The help request with its helper.",
            typeof(DigibuddyLacksSkillError), typeof(DigibuddyInactiveError), typeof(InvalidStatusChangeError));
        mutation.StaffMutation<ScheduleHomeVisitInput, HelpRequest>("scheduleHomeVisit", ScheduleHomeVisitAsync,
            $"Plans the time slot of an assigned home visit: in the future, at most {MaxVisitHours} hours, not overlapping another visit of the same digibuddy.",
            payload: "The home visit with its time slot.",
            typeof(NotAHomeVisitError), typeof(SlotTakenError), typeof(InvalidStatusChangeError));
        mutation.StaffMutation<UpdateHelpRequestStatusInput, HelpRequest>("updateHelpRequestStatus", UpdateStatusAsync,
            "Resolves or cancels a help request. The assigned digibuddy may resolve it too. Resolved and cancelled are final.",
            payload: "The help request with its new status.",
            typeof(InvalidStatusChangeError));
    }

    private static async Task<Result<HelpRequest>> RegisterAsync(MutationCall<RegisterHelpRequestInput> call)
    {
        var staff = call.Staff;
        var (input, now, cancellationToken) = call;
        var topicId = call.Rules.Id(nameof(input.TopicId), TopicType.TypeName, input.TopicId);
        int? helpPointId = input.HelpPointId is null ? null : call.Rules.Id(nameof(input.HelpPointId), HelpPointType.TypeName, input.HelpPointId);
        var resident = ResidentDetails.Check(call.Rules, staff, input, "to answer your question", "a helper can reach you");

        var db = await call.BeginAsync();
        if (!await db.Topics.AnyAsync(t => t.Id == topicId, cancellationToken))
        {
            return new NotFoundError("There is no such topic.");
        }

        if (!await db.Municipalities.AnyAsync(m => m.Id == resident.MunicipalityId, cancellationToken))
        {
            return new NotFoundError("There is no such town in the region.");
        }

        var helpPoint = helpPointId is { } id
            ? await db.HelpPoints.SingleOrDefaultAsync(h => h.Id == id, cancellationToken)
            : input.Channel == HelpRequestChannel.HomeVisit
                ? await db.HelpPoints.Where(h => h.Kind == HelpPointKind.MobileTeam).OrderBy(h => h.Id).FirstOrDefaultAsync(cancellationToken)
                : null;
        if (helpPointId is not null && helpPoint is null)
        {
            return new NotFoundError("There is no such help point.");
        }

        // Handing a home visit to the mobile team is what any resident can do, so any staff member may do it for them.
        var handsOverToMobileTeam = input.Channel == HelpRequestChannel.HomeVisit && helpPoint?.Kind == HelpPointKind.MobileTeam;
        if (staff is not null && !handsOverToMobileTeam && !staff.CanManageRequestsOf(helpPoint?.Id))
        {
            return new NotAllowedError("You can register help requests only for the help points you work at.");
        }

        var participant = resident.Store(db, await resident.FindKnownAsync(db, cancellationToken), now, staff);

        return db.HelpRequests.Add(new HelpRequest
        {
            TopicId = topicId,
            Urgency = input.Urgency,
            Channel = input.Channel,
            MunicipalityId = resident.MunicipalityId,
            HelpPointId = helpPoint?.Id,
            Participant = participant,
            Status = HelpRequestStatus.Open,
            CreatedAt = now,
        }).Entity;
    }

    private static async Task<Result<HelpRequest>> AssignAsync(MutationCall<AssignHelpRequestInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var helpRequestId = call.Rules.Id(nameof(input.HelpRequestId), HelpRequestType.TypeName, input.HelpRequestId);
        int? digibuddyId = input.DigibuddyId is null ? null : call.Rules.Id(nameof(input.DigibuddyId), DigibuddyType.TypeName, input.DigibuddyId);
        call.Rules.Require((input.DigibuddyId is null) == input.AssignToMe, nameof(input.DigibuddyId), "Give either a digibuddy or `assignToMe: true`, not both.");
        var db = await call.BeginAsync();
        var managed = await FindManagedAsync(db, staff, helpRequestId, cancellationToken);
        if (!managed.Found)
        {
            return managed.Refused;
        }

        var request = managed.Request;

        if (HelpRequestStatusChanges.Check(request, HelpRequestStatus.Assigned) is { } invalidChange)
        {
            return invalidChange;
        }

        if (digibuddyId is { } buddyId)
        {
            var digibuddy = await db.Digibuddies.Include(d => d.Skills).SingleOrDefaultAsync(d => d.Id == buddyId, cancellationToken);
            if (digibuddy is null)
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

        request.AssignedDigibuddyId = digibuddyId;
        request.AssignedStaffName = digibuddyId is null ? staff.Name : null;
        request.AssignedAt = now;
        request.Status = HelpRequestStatus.Assigned;
        return request;
    }

    private static async Task<Result<HelpRequest>> ScheduleHomeVisitAsync(MutationCall<ScheduleHomeVisitInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var helpRequestId = call.Rules.Id(nameof(input.HelpRequestId), HelpRequestType.TypeName, input.HelpRequestId);
        var startsAt = call.Rules.Future(nameof(input.StartsAt), AsUtc(input.StartsAt), now);
        var endsAt = AsUtc(input.EndsAt);
        call.Rules.Require(startsAt <= now + MaxPlanningHorizon, nameof(input.StartsAt), "`startsAt` can be at most a year ahead.");
        call.Rules.Require(endsAt > startsAt, nameof(input.EndsAt), "`endsAt` must come after `startsAt`.");
        call.Rules.Require(endsAt - startsAt <= TimeSpan.FromHours(MaxVisitHours), nameof(input.EndsAt), $"A home visit lasts at most {MaxVisitHours} hours.");
        var db = await call.BeginAsync();
        var managed = await FindManagedAsync(db, staff, helpRequestId, cancellationToken);
        if (!managed.Found)
        {
            return managed.Refused;
        }

        var request = managed.Request;

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
                    $"The digibuddy already has a visit from {Region.ToLocal(clash.VisitStartsAt!.Value):d MMMM HH:mm} to {Region.ToLocal(clash.VisitEndsAt!.Value):HH:mm}."),
                clash.VisitStartsAt.Value,
                clash.VisitEndsAt.Value);
        }

        request.VisitStartsAt = startsAt;
        request.VisitEndsAt = endsAt;
        request.Status = HelpRequestStatus.Scheduled;
        return request;
    }

    private static async Task<Result<HelpRequest>> UpdateStatusAsync(MutationCall<UpdateHelpRequestStatusInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var helpRequestId = call.Rules.Id(nameof(input.HelpRequestId), HelpRequestType.TypeName, input.HelpRequestId);
        var db = await call.BeginAsync();
        var request = await db.HelpRequests.SingleOrDefaultAsync(h => h.Id == helpRequestId, cancellationToken);
        if (request is null)
        {
            return new NotFoundError("There is no such help request.");
        }

        var resolvesOwnRequest = input.Status == HelpRequestStatus.Resolved && staff.IsAssignedDigibuddyOf(request);
        if (!resolvesOwnRequest && !staff.CanManageRequestsOf(request.HelpPointId))
        {
            return new NotAllowedError(staff.Role == StaffRole.Digibuddy
                ? "A digibuddy can only mark the requests assigned to them resolved."
                : "This help request belongs to a help point you do not work at.");
        }

        // Assigning needs a helper and scheduling a slot, so those statuses come only from their own mutations.
        var needsOwnMutation = input.Status switch
        {
            HelpRequestStatus.Assigned => "assignHelpRequest",
            HelpRequestStatus.Scheduled => "scheduleHomeVisit",
            _ => null,
        };
        if (needsOwnMutation is not null)
        {
            return new InvalidStatusChangeError($"Use `{needsOwnMutation}` for this.", request.Status, input.Status);
        }

        if (HelpRequestStatusChanges.Check(request, input.Status) is { } invalidChange)
        {
            return invalidChange;
        }

        request.Status = input.Status;
        if (input.Status == HelpRequestStatus.Resolved)
        {
            request.ResolvedAt = now;
        }

        return request;
    }

    /// <summary>The request, tracked, when the caller manages its help point; otherwise the error to return.</summary>
    private static async Task<ManagedRequest> FindManagedAsync(DigibankDbContext db, StaffUser staff, int helpRequestId, CancellationToken cancellationToken)
    {
        var request = await db.HelpRequests.SingleOrDefaultAsync(h => h.Id == helpRequestId, cancellationToken);
        if (request is null)
        {
            return new(null, new NotFoundError("There is no such help request."));
        }

        return staff.CanManageRequestsOf(request.HelpPointId)
            ? new(request, null)
            : new(null, new NotAllowedError(request.HelpPointId is null
                ? "Only the coordinator handles help requests without a help point."
                : "This help request belongs to a help point you do not work at."));
    }

    private sealed record ManagedRequest(HelpRequest? Request, UserError? Refused)
    {
        [MemberNotNullWhen(true, nameof(Request))]
        [MemberNotNullWhen(false, nameof(Refused))]
        public bool Found => Request is not null;
    }


    /// <summary>Times without an offset are read as UTC, the API's time everywhere.</summary>
    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
}
