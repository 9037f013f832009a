using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Partners;

/// <summary>A partner's plug-in reported a finished sync run. The run's error stays out: only staff may read it.</summary>
public sealed record PartnerSyncRunRecorded(int SyncRunId, int PartnerId, SyncOutcome Outcome, int OffersCreated, int OffersUpdated, DateTime At) : IDomainEvent;
