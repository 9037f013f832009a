using Digibank.Api.Data;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpRequests;

/// <summary>
/// The help requests at the counter (the Hulpvragen pages): what the pages show, in a few queries whatever the number
/// of requests, and every change through <see cref="HelpDesk"/> in a <see cref="StoreWork"/> of its own, exactly as the
/// GraphQL mutations make it. Who sees what is <see cref="HelpRequestAccess"/>'s: staff the requests of their help
/// points, the coordinator the region's, a digibuddy those assigned to them.
/// </summary>
public sealed class CounterHelp(IServiceProvider services, IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock)
{
    /// <summary>A counter's list stays readable; what is older waits behind the newest.</summary>
    public const int MaxListed = 200;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The topics and the towns of the caller's region, for the registration form.</summary>
    public async Task<CounterHelpChoices> ChoicesAsync(StaffUser staff, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new CounterChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
        var towns = await db.Municipalities.AsNoTracking().Where(m => m.RegionId == staff.RegionId).OrderBy(m => m.Name)
            .Select(m => new CounterChoice(m.Id, m.Name)).ToListAsync(cancellationToken);
        return new CounterHelpChoices(topics, towns);
    }

    /// <summary>
    /// The requests still to answer (open, assigned, planned) that the caller sees, of <paramref name="helpPointId"/> when
    /// given: urgent first, then the oldest. One query.
    /// </summary>
    public async Task<IReadOnlyList<CounterHelpRow>> OpenAsync(StaffUser staff, int? helpPointId, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var requests = db.HelpRequests.AsNoTracking().VisibleTo(staff)
            .Where(h => h.Status == HelpRequestStatus.Open || h.Status == HelpRequestStatus.Assigned || h.Status == HelpRequestStatus.Scheduled);
        requests = helpPointId is { } pointId ? requests.Where(h => h.HelpPointId == pointId) : requests;
        return await requests
            .OrderByDescending(h => h.Urgency == HelpRequestUrgency.Urgent).ThenBy(h => h.CreatedAt).ThenBy(h => h.Id)
            .Take(MaxListed)
            .Select(h => new CounterHelpRow(
                h.Id, h.Topic!.Name, h.Urgency, h.Channel, h.Status, h.Municipality!.Name, h.HelpPointId, h.Participant!.FirstName,
                h.AssignedDigibuddy!.FirstName, h.AssignedStaffName, h.VisitStartsAt, h.VisitEndsAt, h.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One request with what the caller may do with it: to whom it can go (staff and the coordinator), the week of its
    /// digibuddy to plan a home visit in (<paramref name="weeksAhead"/> weeks on), and whether it can be resolved. Null when
    /// the caller does not help with it, as when it does not exist.
    /// </summary>
    public async Task<CounterHelpDetail?> FindAsync(StaffUser staff, int helpRequestId, int weeksAhead, CancellationToken cancellationToken)
    {
        await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.HelpRequests.AsNoTracking()
            .Include(h => h.Topic).Include(h => h.Municipality).Include(h => h.Participant).Include(h => h.AssignedDigibuddy)
            .SingleOrDefaultAsync(h => h.Id == helpRequestId, cancellationToken);
        if (request is null || !staff.Helps(request))
        {
            return null;
        }

        var handles = staff.CanActFor(request.HelpPointId, request.RegionId);
        var canAssign = handles && HelpRequestStatusChanges.IsAllowed(request.Status, HelpRequestStatus.Assigned);
        var matches = canAssign ? await HelpRequestMatch.ForAsync(db, request, cancellationToken) : [];
        var townIds = matches.Select(m => m.Digibuddy.MunicipalityId).Distinct().ToList();
        var towns = townIds.Count == 0 ? []
            : await db.Municipalities.AsNoTracking().Where(m => townIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var canPlan = request.Channel == HelpRequestChannel.HomeVisit && HelpRequestStatusChanges.IsAllowed(request.Status, HelpRequestStatus.Scheduled);
        var week = canPlan ? await HomeVisitWeek.ForAsync(db, request.AssignedDigibuddyId, request.Id, weeksAhead, Now, cancellationToken) : null;
        return new CounterHelpDetail(
            request,
            [.. matches.Select(m => new CounterHelpMatch(m.Digibuddy.Id, m.Digibuddy.FirstName, towns.GetValueOrDefault(m.Digibuddy.MunicipalityId) ?? string.Empty, m.SameMunicipality, m.OpenAssignments))],
            canAssign,
            week,
            CanResolve: HelpRequestStatusChanges.IsAllowed(request.Status, HelpRequestStatus.Resolved));
    }

    /// <summary>
    /// Registers a person's question at the counter, by the same rules as <c>registerHelpRequest</c>: staff may register
    /// someone without e-mail or phone (assisted), for a help point they work at. Every refusal of the input at once.
    /// </summary>
    public async Task<CounterRegistration> RegisterAsync(CounterHelpQuestion question, StaffUser staff, CancellationToken cancellationToken)
    {
        var rules = new InputRules();
        var resident = ResidentDetails.Check(rules, staff, new ResidentInput(question), "to answer your question", "a helper can reach you");
        if (rules.Failed)
        {
            return new CounterRegistration(null, rules.Errors);
        }

        var registered = await RunAsync(desk => desk.RegisterAsync(
            new RegisterHelpRequest(question.TopicId, question.Urgency, question.Channel, question.HelpPointId, resident, staff), cancellationToken), cancellationToken);
        return registered.Error is { } error ? new CounterRegistration(null, [error]) : new CounterRegistration(registered.Value!.Id, []);
    }

    /// <summary>Gives the request to a digibuddy who knows its topic, or with <paramref name="digibuddyId"/> null to the caller.</summary>
    public Task<Result<HelpRequest>> AssignAsync(int helpRequestId, int? digibuddyId, StaffUser staff, CancellationToken cancellationToken) =>
        RunAsync(desk => desk.AssignAsync(new AssignHelpRequest(helpRequestId, digibuddyId, staff), cancellationToken), cancellationToken);

    /// <summary>Plans the home visit in a slot (UTC).</summary>
    public Task<Result<HelpRequest>> ScheduleAsync(int helpRequestId, DateTime startsAt, DateTime endsAt, StaffUser staff, CancellationToken cancellationToken) =>
        RunAsync(desk => desk.ScheduleHomeVisitAsync(new ScheduleHomeVisit(helpRequestId, startsAt, endsAt, staff), cancellationToken), cancellationToken);

    /// <summary>The question is answered; the assigned digibuddy may say so too.</summary>
    public Task<Result<HelpRequest>> ResolveAsync(int helpRequestId, StaffUser staff, CancellationToken cancellationToken) =>
        RunAsync(desk => desk.ChangeStatusAsync(new ChangeHelpRequestStatus(helpRequestId, HelpRequestStatus.Resolved, staff), cancellationToken), cancellationToken);

    private Task<Result<HelpRequest>> RunAsync(Func<HelpDesk, Task<Result<HelpRequest>>> change, CancellationToken cancellationToken) =>
        StoreWork.RunAsync(services, work => change(new HelpDesk(work.Db, Now)), cancellationToken);

    /// <summary>The counter's question as the resident input that <see cref="ResidentDetails.Check"/> checks for every caller.</summary>
    private sealed record ResidentInput(CounterHelpQuestion Question) : IResidentInput
    {
        public string FirstName => Question.FirstName ?? string.Empty;

        public string? Email => Question.Email;

        public string? Phone => Question.Phone;

        public string MunicipalityId => GlobalId.Encode(MunicipalityType.TypeName, Question.MunicipalityId);

        public TargetGroup TargetGroup => Question.TargetGroup;

        public bool Consent => Question.Consent;

        public bool SmsConsent => false;
    }
}
