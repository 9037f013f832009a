using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Participants;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Devices;

/// <summary>One device, for staff. Only reachable through staff queries and mutations.</summary>
public sealed class DeviceType : ObjectGraphType<Device>
{
    public const string TypeName = "Device";

    public DeviceType()
    {
        Name = TypeName;
        Description = "A loan device (toestel) and where it lives.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(d => d.AssetTag).Description("The label on the device, e.g. DBP-LAP-0007.");
        Field(d => d.Model);
        Field(d => d.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<DeviceKind>>));
        Field(d => d.Condition, type: typeof(NonNullGraphType<EnumerationGraphType<DeviceCondition>>));
        Field(d => d.Status, type: typeof(NonNullGraphType<EnumerationGraphType<DeviceStatus>>))
            .Description("MAINTENANCE: returned and waiting to be wiped (or repaired) before it is lent again.");
        Field<NonNullGraphType<HelpPointType>>("homeHelpPoint").Resolve(context => context.LoadHelpPoint(context.Source.HomeHelpPointId));
    }
}

public sealed class LoanType : ObjectGraphType<Loan>
{
    public const string TypeName = "Loan";

    public LoanType()
    {
        Name = TypeName;
        Description = "A device lent to a resident (uitlening). Only for staff of the help point and the coordinator.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field<NonNullGraphType<DeviceType>>("device").Resolve(context => context.LoadDevice(context.Source.DeviceId));
        Field<NonNullGraphType<HelpPointType>>("helpPoint").Description("Where the device was lent and goes back to.")
            .Resolve(context => context.LoadHelpPoint(context.Source.HelpPointId));
        Field(l => l.CheckedOutAt);
        Field(l => l.DueAt);
        Field(l => l.Renewals).Description("How often the loan was renewed.");
        Field(l => l.ReturnedAt, nullable: true).Description("Null while the device is out.");
        Field(l => l.ReturnedCondition, type: typeof(EnumerationGraphType<DeviceCondition>)).Description("The state the device came back in.");
        Field(l => l.AccessoriesComplete, nullable: true).Description("Whether charger, cable and case came back.");
        Field<NonNullGraphType<BooleanGraphType>>("isOverdue")
            .Description("Still out after its due date.")
            .Resolve(context => context.Source.IsOverdueAt(context.UtcNow()));
        Field<ParticipantType>("participant")
            .Description("Who borrowed the device. Only for staff of the loan's help point and the coordinator.")
            .Resolve(context => context.LoadParticipantFor(context.Source.HelpPointId, context.Source.ParticipantId));
    }
}

public sealed class ReservationType : ObjectGraphType<Reservation>
{
    public const string TypeName = "Reservation";

    public ReservationType()
    {
        Name = TypeName;
        Description = "A place in the queue for a kind of device at a help point.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field<NonNullGraphType<HelpPointType>>("helpPoint").Resolve(context => context.LoadHelpPoint(context.Source.HelpPointId));
        Field(r => r.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<DeviceKind>>));
        Field(r => r.Status, type: typeof(NonNullGraphType<EnumerationGraphType<ReservationStatus>>));
        Field(r => r.CreatedAt);
        Field(r => r.ReadyUntil, nullable: true).Description("While READY: the last moment to collect the device set aside, before it goes to the next in the queue.");
        Field(r => r.ConfirmedAt, nullable: true).Description("When the resident let the help point know, with the link in their message, that they will collect it.");
        Field<DeviceType>("device")
            .Description("While READY: the device set aside.")
            .Resolve(context => context.Source.DeviceId is { } id ? context.LoadDevice(id) : null);
        Field<IntGraphType>("position")
            .Description("Place in the queue, 1 first; null once the reservation is fulfilled or cancelled.")
            .Resolve(context => context.LoadQueuePosition(context.Source.Id));
        Field<ParticipantType>("participant")
            .Description("Who is waiting. Only for staff of the reservation's help point and the coordinator.")
            .Resolve(context => context.LoadParticipantFor(context.Source.HelpPointId, context.Source.ParticipantId));
    }
}

public static class LendingDataLoaders
{
    public static IDataLoaderResult<Device?> LoadDevice(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, Device>(nameof(LoadDevice), id, (db, ids) => db.Devices.Where(d => ids.Contains(d.Id)), d => d.Id);

    /// <summary>The queue positions of a page of reservations in one query; reservations no longer waiting have none.</summary>
    public static IDataLoaderResult<int?> LoadQueuePosition(this IResolveFieldContext context, int reservationId) =>
        context.RequestServices!.GetRequiredService<DataLoaderRegistry>()
            .GetOrAdd<int, int>(nameof(LoadQueuePosition), async (db, ids, cancellationToken) =>
                await db.Reservations
                    .Where(r => ids.Contains(r.Id) && r.Status == ReservationStatus.Waiting)
                    .Select(r => new
                    {
                        r.Id,
                        Position = db.Set<Reservation>().Count(ahead => ahead.HelpPointId == r.HelpPointId && ahead.Kind == r.Kind
                            && ahead.Status == ReservationStatus.Waiting && ahead.Id < r.Id) + 1,
                    })
                    .ToDictionaryAsync(r => r.Id, r => r.Position, cancellationToken))
            .Load(reservationId)
            .Then(position => position == 0 ? (int?)null : position);
}
