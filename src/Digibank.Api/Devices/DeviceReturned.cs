using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Devices;

/// <summary>A lent device was brought back.</summary>
public sealed record DeviceReturned(int LoanId, int HelpPointId, string? HelpPointName, int? MunicipalityId, int ParticipantId, DateTime At, int? RegionId = null) : IDomainEvent;
