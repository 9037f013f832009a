using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Devices;

/// <summary>A device was lent out at a help point.</summary>
public sealed record DeviceLent(int LoanId, int HelpPointId, string? HelpPointName, int? MunicipalityId, int ParticipantId, DateTime At, int? RegionId = null) : IDomainEvent;
