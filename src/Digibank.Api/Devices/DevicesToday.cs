namespace Digibank.Api.Devices;

/// <summary>What the counter of a help point does with devices today: hand over the ones set aside, and take back the ones due.</summary>
public sealed record DevicesToday(IReadOnlyList<DeviceToCollect> ToCollect, IReadOnlyList<LoanDue> Due);

/// <summary>A device set aside for the first in the queue (a READY reservation), to collect by <see cref="ReadyUntil"/>.</summary>
public sealed record DeviceToCollect(int ReservationId, string? FirstName, string? Phone, DeviceKind Kind, string? Model, string? AssetTag, DateTime? ReadyUntil, bool Confirmed);

/// <summary>A loan due back today or earlier: <see cref="DaysOverdue"/> is 0 on the day it is due.</summary>
public sealed record LoanDue(int LoanId, string? FirstName, string? Phone, DeviceKind Kind, string Model, string AssetTag, DateTime DueAt, int DaysOverdue);
