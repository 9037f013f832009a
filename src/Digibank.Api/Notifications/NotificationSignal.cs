using Digibank.Api.Data;

namespace Digibank.Api.Notifications;

/// <summary>Wakes the sender when the consumer has written messages.</summary>
public sealed class NotificationSignal : WakeUp;
