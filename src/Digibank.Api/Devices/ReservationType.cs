using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Participants;
using GraphQL.Types;

namespace Digibank.Api.Devices;

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
            .Resolve(context => context.LoadParticipantFor(context.Source.HelpPointId, context.Source.RegionId, context.Source.ParticipantId));
    }
}
