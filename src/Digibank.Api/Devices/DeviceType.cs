using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using GraphQL.Types;

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
