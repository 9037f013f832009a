using Digibank.Api.HelpPoints;
using GraphQL.Types;

namespace Digibank.Api.Devices;

/// <summary>What each help point lends: <c>HelpPoint.deviceAvailability</c>.</summary>
public sealed class DeviceAvailabilityOfHelpPoints : IHelpPointFields
{
    public void AddTo(HelpPointType helpPoint) =>
        helpPoint.ExtensionField<NonNullGraphType<ListGraphType<NonNullGraphType<DeviceAvailabilityType>>>, object>("deviceAvailability")
            .Description("How many devices of each kind can be borrowed here.")
            .Resolve(context => context.LoadDeviceAvailability(context.Source.Id));
}
