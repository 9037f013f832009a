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
