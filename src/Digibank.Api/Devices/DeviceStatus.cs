namespace Digibank.Api.Devices;

public enum DeviceStatus
{
    Available,
    Reserved,
    OnLoan,
    Maintenance,
    Retired,
}
