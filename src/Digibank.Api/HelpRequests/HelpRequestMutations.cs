using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.HelpPoints;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.HelpRequests;

public static class HelpRequestMutations
{
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
        mutation.StaffOrDigibuddyMutation<ScheduleHomeVisitInput, HelpRequest>("scheduleHomeVisit", ScheduleHomeVisitAsync,
            $"Plans the time slot of an assigned home visit: in the future, at most {HelpDesk.MaxVisitHours} hours, not overlapping another visit of the same digibuddy. " +
            "Staff of the request's help point, the coordinator, or the digibuddy it is assigned to.",
            payload: "The home visit with its time slot.",
            typeof(NotAHomeVisitError), typeof(SlotTakenError), typeof(InvalidStatusChangeError));
        mutation.StaffOrDigibuddyMutation<UpdateHelpRequestStatusInput, HelpRequest>("updateHelpRequestStatus", UpdateStatusAsync,
            "Resolves or cancels a help request. The assigned digibuddy may resolve it too. Resolved and cancelled are final.",
            payload: "The help request with its new status.",
            typeof(InvalidStatusChangeError));
    }

    private static async Task<Result<HelpRequest>> RegisterAsync(MutationCall<RegisterHelpRequestInput> call)
    {
        var (input, now, cancellationToken) = call;
        var topicId = call.Rules.Id(nameof(input.TopicId), TopicType.TypeName, input.TopicId);
        int? helpPointId = input.HelpPointId is null ? null : call.Rules.Id(nameof(input.HelpPointId), HelpPointType.TypeName, input.HelpPointId);
        var resident = ResidentDetails.Check(call.Rules, call.Staff, input, "to answer your question", "a helper can reach you");
        var desk = new HelpDesk(await call.BeginAsync(), now);
        return await desk.RegisterAsync(new RegisterHelpRequest(topicId, input.Urgency, input.Channel, helpPointId, resident, call.Staff), cancellationToken);
    }

    private static async Task<Result<HelpRequest>> AssignAsync(MutationCall<AssignHelpRequestInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var helpRequestId = call.Rules.Id(nameof(input.HelpRequestId), HelpRequestType.TypeName, input.HelpRequestId);
        int? digibuddyId = input.DigibuddyId is null ? null : call.Rules.Id(nameof(input.DigibuddyId), DigibuddyType.TypeName, input.DigibuddyId);
        call.Rules.Require((input.DigibuddyId is null) == input.AssignToMe, nameof(input.DigibuddyId), "Give either a digibuddy or `assignToMe: true`, not both.");
        var desk = new HelpDesk(await call.BeginAsync(), now);
        return await desk.AssignAsync(new AssignHelpRequest(helpRequestId, digibuddyId, staff), cancellationToken);
    }

    private static async Task<Result<HelpRequest>> ScheduleHomeVisitAsync(MutationCall<ScheduleHomeVisitInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var helpRequestId = call.Rules.Id(nameof(input.HelpRequestId), HelpRequestType.TypeName, input.HelpRequestId);
        var (startsAt, endsAt) = (AsUtc(input.StartsAt), AsUtc(input.EndsAt));
        HelpDesk.CheckSlot(call.Rules, startsAt, endsAt, now);
        var desk = new HelpDesk(await call.BeginAsync(), now);
        return await desk.ScheduleHomeVisitAsync(new ScheduleHomeVisit(helpRequestId, startsAt, endsAt, staff), cancellationToken);
    }

    private static async Task<Result<HelpRequest>> UpdateStatusAsync(MutationCall<UpdateHelpRequestStatusInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var helpRequestId = call.Rules.Id(nameof(input.HelpRequestId), HelpRequestType.TypeName, input.HelpRequestId);
        var desk = new HelpDesk(await call.BeginAsync(), now);
        return await desk.ChangeStatusAsync(new ChangeHelpRequestStatus(helpRequestId, input.Status, staff), cancellationToken);
    }

    /// <summary>Times without an offset are read as UTC, the API's time everywhere.</summary>
    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
}
