namespace Digibank.Api.Devices;

public enum DeviceKind
{
    Smartphone,
    Tablet,
    Laptop,
}
