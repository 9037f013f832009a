using System.ComponentModel;

namespace Digibank.Api.Data.Outbox;

[Description("This version cannot hand the event over: its consumer or its type is unknown, or its outbox row is gone.")]
public sealed record EventNotRetriableError(string Message) : UserError(Message, "EVENT_NOT_RETRIABLE");
