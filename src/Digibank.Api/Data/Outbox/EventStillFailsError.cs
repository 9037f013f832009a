using System.ComponentModel;

namespace Digibank.Api.Data.Outbox;

[Description("The event failed again; it stays set aside.")]
public sealed record EventStillFailsError(string Message) : UserError(Message, "EVENT_STILL_FAILS");
