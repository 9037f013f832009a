using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Devices;

/// <summary>A device is set aside for the first in the queue, to collect before <see cref="ReadyUntil"/>.</summary>
public sealed record ReservationReady(int ReservationId, int HelpPointId, int ParticipantId, DeviceKind Kind, DateTime ReadyUntil, DateTime At) : IDomainEvent;
