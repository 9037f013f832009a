namespace Digibank.Api.Devices;

/// <summary>A device back at its help point, with the loan it came back from (what came back with it), if any.</summary>
public sealed record DeviceToWipe(Device Device, Loan? LastLoan);
