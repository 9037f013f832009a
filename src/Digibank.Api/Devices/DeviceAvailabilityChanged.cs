using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Devices;

/// <summary>What a help point can lend may have changed (once per help point per save).</summary>
public sealed record DeviceAvailabilityChanged(int HelpPointId, string? HelpPointName, int? MunicipalityId, DateTime At, int? RegionId = null) : IDomainEvent;
