using System.Linq.Expressions;
using Digibank.Api.Data;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Devices;

public static class DeviceAvailabilityQueries
{
    public static void AddDeviceQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeviceAvailabilityType>>>>("deviceAvailability")
            .Description("Devices that can be borrowed, per help point and kind (counts only).")
            .Argument<IdGraphType>("helpPointId", "Only this help point.")
            .Argument<IdGraphType>("municipalityId", "Only help points in this town.")
            .Argument<EnumerationGraphType<DeviceKind>>("kind", "Only this kind of device.")
            .WithRegionArgument("help points")
            .ResolveAsync(async context =>
            {
                var regionId = await context.RegionIdAsync();
                var helpPointId = context.GetArgument<string?>("helpPointId") is { } helpPoint ? GlobalId.DecodeFor(HelpPointType.TypeName, helpPoint) : (int?)null;
                var municipalityId = context.GetArgument<string?>("municipalityId") is { } municipality ? GlobalId.DecodeFor(MunicipalityType.TypeName, municipality) : (int?)null;
                var kind = context.GetArgument<DeviceKind?>("kind");
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                var rows = await LoadAsync(
                    db,
                    device => (regionId == null || device.RegionId == regionId)
                        && (helpPointId == null || device.HomeHelpPointId == helpPointId)
                        && (municipalityId == null || device.HomeHelpPoint!.MunicipalityId == municipalityId)
                        && (kind == null || device.Kind == kind),
                    context.CancellationToken);
                return rows.OrderBy(row => row.HelpPointId).ThenBy(row => row.Kind).ToList();
            });

    public static IDataLoaderResult<IReadOnlyList<DeviceAvailability>> LoadDeviceAvailability(this IResolveFieldContext context, int helpPointId) =>
        context.RequestServices!.GetRequiredService<DataLoaderRegistry>()
            .GetOrAdd<int, IReadOnlyList<DeviceAvailability>>(nameof(LoadDeviceAvailability), async (db, ids, cancellationToken) =>
            {
                var rows = await LoadAsync(db, device => ids.Contains(device.HomeHelpPointId), cancellationToken);
                return rows.GroupBy(row => row.HelpPointId)
                    .ToDictionary(group => group.Key, group => (IReadOnlyList<DeviceAvailability>)[.. group.OrderBy(row => row.Kind)]);
            })
            .Load(helpPointId)
            .Then(rows => rows ?? []);

    /// <summary>Three grouped queries, whatever the number of help points: devices, open loans, waiting reservations.</summary>
    public static async Task<List<DeviceAvailability>> LoadAsync(DigibankDbContext db, Expression<Func<Device, bool>> scope, CancellationToken cancellationToken)
    {
        var devices = db.Devices.Where(scope).Where(device => device.Status != DeviceStatus.Retired);
        var counts = await devices
            .GroupBy(device => new { device.HomeHelpPointId, device.Kind })
            .Select(group => new
            {
                group.Key.HomeHelpPointId,
                group.Key.Kind,
                Total = group.Count(),
                Available = group.Count(device => device.Status == DeviceStatus.Available),
                OnLoan = group.Count(device => device.Status == DeviceStatus.OnLoan),
            })
            .ToListAsync(cancellationToken);

        var nextDue = await db.Loans
            .Where(loan => loan.ReturnedAt == null && devices.Any(device => device.Id == loan.DeviceId))
            .GroupBy(loan => new { loan.Device!.HomeHelpPointId, loan.Device.Kind })
            .Select(group => new { group.Key.HomeHelpPointId, group.Key.Kind, Due = group.Min(loan => loan.DueAt) })
            .ToDictionaryAsync(group => (group.HomeHelpPointId, group.Kind), group => group.Due, cancellationToken);

        var helpPointIds = counts.Select(count => count.HomeHelpPointId).Distinct().ToList();
        var waiting = await db.Reservations
            .Where(reservation => reservation.Status == ReservationStatus.Waiting && helpPointIds.Contains(reservation.HelpPointId))
            .GroupBy(reservation => new { reservation.HelpPointId, reservation.Kind })
            .Select(group => new { group.Key.HelpPointId, group.Key.Kind, Count = group.Count() })
            .ToDictionaryAsync(group => (group.HelpPointId, group.Kind), group => group.Count, cancellationToken);

        return [.. counts.Select(count => new DeviceAvailability(
            count.HomeHelpPointId,
            count.Kind,
            count.Total,
            count.Available,
            count.OnLoan,
            waiting.GetValueOrDefault((count.HomeHelpPointId, count.Kind)),
            nextDue.TryGetValue((count.HomeHelpPointId, count.Kind), out var due) ? due : null))];
    }
}
