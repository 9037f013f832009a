using System.Linq.Expressions;
using Digibank.Api.Data;
using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Devices;

/// <summary>Counts of one kind of device at one help point. Deliberately nothing about who borrowed what.</summary>
public sealed record DeviceAvailability(
    int HelpPointId,
    DeviceKind Kind,
    int Total,
    int Available,
    int OnLoan,
    int Waiting,
    DateTime? NextReturnDueAt);

public sealed class DeviceAvailabilityType : ObjectGraphType<DeviceAvailability>
{
    public DeviceAvailabilityType()
    {
        Name = "DeviceAvailability";
        Description = "How many devices of one kind a help point can lend. Never says who has one.";
        Field<NonNullGraphType<HelpPointType>>("helpPoint").Resolve(context => context.LoadHelpPoint(context.Source.HelpPointId));
        Field(a => a.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<DeviceKind>>));
        Field(a => a.Total).Description("Devices of this kind in service at the point.");
        Field(a => a.Available).Description("Devices that can be borrowed right now.");
        Field(a => a.OnLoan).Description("Devices currently lent out.");
        Field(a => a.Waiting).Description("People in the reservation queue for this kind.");
        Field(a => a.NextReturnDueAt, nullable: true).Description("Earliest due date of the devices on loan: when the next one is expected back.");
    }
}

public static class DeviceAvailabilityQueries
{
    public static void AddDeviceQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeviceAvailabilityType>>>>("deviceAvailability")
            .Description("Devices that can be borrowed, per help point and kind (counts only).")
            .Argument<IdGraphType>("helpPointId", "Only this help point.")
            .Argument<IdGraphType>("municipalityId", "Only help points in this town.")
            .Argument<EnumerationGraphType<DeviceKind>>("kind", "Only this kind of device.")
            .ResolveAsync(async context =>
            {
                var helpPointId = context.GetArgument<string?>("helpPointId") is { } helpPoint ? GlobalId.DecodeFor(HelpPointType.TypeName, helpPoint) : (int?)null;
                var municipalityId = context.GetArgument<string?>("municipalityId") is { } municipality ? GlobalId.DecodeFor(MunicipalityType.TypeName, municipality) : (int?)null;
                var kind = context.GetArgument<DeviceKind?>("kind");
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                var rows = await LoadAsync(
                    db,
                    device => (helpPointId == null || device.HomeHelpPointId == helpPointId)
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

/// <summary>What each help point lends: <c>HelpPoint.deviceAvailability</c>.</summary>
public sealed class DeviceAvailabilityOfHelpPoints : IHelpPointFields
{
    public void AddTo(HelpPointType helpPoint) =>
        helpPoint.ExtensionField<NonNullGraphType<ListGraphType<NonNullGraphType<DeviceAvailabilityType>>>, object>("deviceAvailability")
            .Description("How many devices of each kind can be borrowed here.")
            .Resolve(context => context.LoadDeviceAvailability(context.Source.Id));
}

public static class DeviceSetup
{
    public static IServiceCollection AddDevices(this IServiceCollection services) =>
        services.AddSingleton<IHelpPointFields, DeviceAvailabilityOfHelpPoints>();
}
