using Digibank.Api.HelpPoints;

namespace Digibank.Api.Devices;

public static class DeviceSetup
{
    public static IServiceCollection AddDevices(this IServiceCollection services) =>
        services.AddSingleton<IHelpPointFields, DeviceAvailabilityOfHelpPoints>();
}
