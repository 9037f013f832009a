namespace Digibank.Api.Devices;

public enum DeviceCondition
{
    New,
    Good,
    Fair,
    Damaged,
}
