using System.ComponentModel;

namespace Digibank.Api.Sync;

[Description("Nothing of this partner waits for confirmation: confirmed already, or cleared by a later snapshot.")]
public sealed record NoHeldWithdrawalError(string Message) : UserError(Message, "NO_HELD_WITHDRAWAL");
