using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Accounts;

/// <summary>An account was deactivated or its access changed: every session and token it had ends, in every instance.</summary>
public sealed record StaffAccessEnded(int AccountId, int? RegionId) : IDomainEvent;
