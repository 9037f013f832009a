using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Privacy;

/// <summary>
/// A person's name and contact were erased, on their request or after the retention period. Names every sign-up
/// they had, so whoever was told of those (a partner's system) can forget them too.
/// </summary>
public sealed record ParticipantErased(int ParticipantId, IReadOnlyList<ErasedSignUp> SignUps, DateTime At) : IDomainEvent;
