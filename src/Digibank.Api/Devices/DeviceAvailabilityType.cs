using Digibank.Api.HelpPoints;
using GraphQL.Types;

namespace Digibank.Api.Devices;

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
