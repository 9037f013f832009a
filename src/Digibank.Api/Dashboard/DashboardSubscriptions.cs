using System.Reactive.Linq;
using Digibank.Api.Courses;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Notifications;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Dashboard;

/// <summary>The dashboard's subscriptions: every field is a filtered view of the one stream of committed events.</summary>
public static class DashboardSubscriptions
{
    public static void AddDashboardSubscriptions(this ObjectGraphType subscription)
    {
        subscription.EventField("dashboardEvents", "Everything that happens, for the regional dashboard.", []);
        subscription.EventField("signUpChanged", "Sign-ups made, cancelled or marked as attended.",
            [DashboardEventKind.SignUp, DashboardEventKind.SignUpCancelled, DashboardEventKind.SignUpUpdated]);
        subscription.EventField("loanChanged", "Devices lent and brought back.", [DashboardEventKind.Loan, DashboardEventKind.Return]);
        subscription.EventField("helpRequestChanged", "Help requests registered, assigned, scheduled or closed.",
            [DashboardEventKind.HelpRequest, DashboardEventKind.HelpRequestUpdated]);
        subscription.EventField("courseAvailabilityChanged", "A course's seats or waiting list changed; `course { seatsLeft waitingListLength }` has the new figures.",
            [DashboardEventKind.CourseAvailability])
            .Argument<IdGraphType>("courseId", "Only this course.");
        subscription.EventField("deviceAvailabilityChanged", "The devices a help point can lend changed; ask `helpPoint { deviceAvailability }`.",
            [DashboardEventKind.DeviceAvailability]);
        subscription.EventField("partnerSyncCompleted", "A partner's plug-in finished a sync run.", [DashboardEventKind.PartnerSync]);
        subscription.Field<NonNullGraphType<CallTaskType>>("callTaskAdded")
            .Description("Someone was put on the call list of this help point (staff of that point and the coordinator), or, without `helpPointId`, " +
                "on the coordinator's own list: whom to call, and why.")
            .Argument<IdGraphType>("helpPointId", "The help point whose list to follow; leave it out for the coordinator's list.")
            .ResolveAsync(async context =>
            {
                var id = ((DashboardEvent)context.Source!).CallTaskId!.Value;
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<Data.DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                return (object?)await db.CallTasks.SingleAsync(t => t.Id == id, context.CancellationToken);
            })
            .ResolveStream(context =>
            {
                var (helpPointId, regionId) = CallListQueries.CallListOf(context);
                return context.RequestServices!.GetRequiredService<DashboardEvents>().Stream
                    .Where(e => e.Kind == DashboardEventKind.CallTask && e.HelpPointId == helpPointId && e.RegionId == regionId && e.CallTaskId is not null)
                    .Select(e => (object?)e)
                    .ObserveOn(System.Reactive.Concurrency.TaskPoolScheduler.Default);
            });
    }

    private static FieldBuilder<object?, DashboardEvent> EventField(this ObjectGraphType subscription, string name, string description, DashboardEventKind[] kinds) =>
        subscription.Field<NonNullGraphType<DashboardEventType>, DashboardEvent>(name)
            .Description(description)
            .Argument<IdGraphType>("municipalityId", "Only events in this town.")
            .Argument<IdGraphType>("helpPointId", "Only events at this help point.")
            .Argument<StringGraphType>("region", "Only events in this region, by its code (`poperinge`). Left out: the region of a staff, coordinator or " +
                "digibuddy token, or every region for anyone else. Events of no one region (a partner's sync) reach every region's subscribers.")
            .Resolve(context => (DashboardEvent)context.Source!)
            .ResolveStreamAsync(async context =>
            {
                var regionId = await RegionOfAsync(context);
                var municipalityId = Decode(context, "municipalityId", MunicipalityType.TypeName);
                var helpPointId = Decode(context, "helpPointId", HelpPointType.TypeName);
                var courseId = context.HasArgument("courseId") ? Decode(context, "courseId", CourseType.TypeName) : null;
                // Each subscriber gets its events on the thread pool, in order: a commit never waits for
                // a thousand subscribers, and their work spreads over the cores.
                return context.RequestServices!.GetRequiredService<DashboardEvents>().Stream
                    .Where(e =>
                        (kinds.Length == 0 || kinds.Contains(e.Kind))
                        && (regionId is null || e.RegionId is null || e.RegionId == regionId)
                        && (municipalityId is null || e.MunicipalityId == municipalityId)
                        && (helpPointId is null || e.HelpPointId == helpPointId)
                        && (courseId is null || e.CourseId == courseId))
                    .ObserveOn(System.Reactive.Concurrency.TaskPoolScheduler.Default);
            });

    /// <summary>The region a subscriber follows: the one asked for by code, else the token's own; null for all regions.</summary>
    private static async Task<int?> RegionOfAsync(IResolveFieldContext context)
    {
        if (context.GetArgument<string?>("region") is not { } code)
        {
            return context.StaffOrDigibuddy()?.RegionId;
        }

        return await context.RequestServices!.GetRequiredService<IRegionCodes>().IdOfAsync(code, context.CancellationToken)
            ?? throw new ExecutionError($"There is no region with the code '{code}'.") { Code = ErrorCodes.InvalidArgument };
    }

    private static int? Decode(IResolveFieldContext context, string argument, string nodeType) =>
        context.GetArgument<string?>(argument) is { } id ? GlobalId.DecodeFor(nodeType, id) : null;
}
