using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;

namespace Digibank.Api.Devices;

/// <summary>What staff see of the lending at their help points. None of it is public.</summary>
public static class LendingQueries
{
    public static void AddLendingQueries(this ObjectGraphType query)
    {
        query.PagedField<LoanType, Loan>("loans", context =>
            {
                var helpPointId = RequireStaffForHelpPoint(context);
                var open = context.GetArgument<bool?>("open");
                return db => db.Loans
                    .Where(l => l.HelpPointId == helpPointId && (open == null || (l.ReturnedAt == null) == open))
                    .OrderBy(l => l.DueAt).ThenBy(l => l.Id);
            })
            .Description("The loans of a help point, soonest due first. For staff of that point and the coordinator.")
            .Argument<NonNullGraphType<IdGraphType>>("helpPointId")
            .Argument<BooleanGraphType>("open", "true: devices still out; false: returned loans; left out: both.");

        query.PagedField<LoanType, Loan>("overdueLoans", context =>
            {
                var staff = context.RequireStaff();
                var now = context.UtcNow();
                var onlyHelpPoint = context.GetArgument<string?>("helpPointId") is null ? (int?)null : RequireStaffForHelpPoint(context);
                var staffHelpPoints = staff.HelpPointIds.ToList();
                var region = staff.RegionId;
                return db => db.Loans.OverdueAt(now)
                    .Where(l => l.RegionId == region)
                    .Where(l => onlyHelpPoint == null ? staff.IsCoordinator || staffHelpPoints.Contains(l.HelpPointId) : l.HelpPointId == onlyHelpPoint)
                    .OrderBy(l => l.DueAt).ThenBy(l => l.Id);
            })
            .Description("Devices still out after their due date, longest overdue first: at the caller's help points, or in the whole region for its coordinator.")
            .Argument<IdGraphType>("helpPointId", "Only this help point.");

        query.PagedField<ReservationType, Reservation>("reservationQueue", context =>
            {
                var helpPointId = RequireStaffForHelpPoint(context);
                var kind = context.GetArgument<DeviceKind?>("kind");
                return db => db.Reservations
                    .Where(r => r.HelpPointId == helpPointId && r.Status == ReservationStatus.Waiting && (kind == null || r.Kind == kind))
                    .OrderBy(r => r.Kind).ThenBy(r => r.Id);
            })
            .Description("Who is waiting for a device at a help point, per kind, first in line first. For staff of that point and the coordinator.")
            .Argument<NonNullGraphType<IdGraphType>>("helpPointId")
            .Argument<EnumerationGraphType<DeviceKind>>("kind", "Only this kind of device.");

        query.PagedField<DeviceType, Device>("devices", context =>
            {
                var helpPointId = RequireStaffForHelpPoint(context);
                var kind = context.GetArgument<DeviceKind?>("kind");
                var status = context.GetArgument<DeviceStatus?>("status");
                return db => db.Devices
                    .Where(d => d.HomeHelpPointId == helpPointId && (kind == null || d.Kind == kind) && (status == null || d.Status == status))
                    .OrderBy(d => d.AssetTag);
            })
            .Description("The devices of a help point by asset tag, to find the one on the counter. For staff of that point and the coordinator.")
            .Argument<NonNullGraphType<IdGraphType>>("helpPointId")
            .Argument<EnumerationGraphType<DeviceKind>>("kind", "Only this kind of device.")
            .Argument<EnumerationGraphType<DeviceStatus>>("status", "Only devices in this status.");
    }

    /// <summary>Anonymous callers are refused before the id is even read, so they learn nothing from it.</summary>
    private static int RequireStaffForHelpPoint(IResolveFieldContext context)
    {
        context.RequireStaff();
        var helpPointId = GlobalId.DecodeFor(HelpPointType.TypeName, context.GetArgument<string>("helpPointId"));
        context.RequireStaffFor(helpPointId);
        return helpPointId;
    }
}
