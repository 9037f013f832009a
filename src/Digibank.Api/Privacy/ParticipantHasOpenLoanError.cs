using System.ComponentModel;

namespace Digibank.Api.Privacy;

[Description("The person still has a device on loan.")]
public sealed record ParticipantHasOpenLoanError(string Message) : UserError(Message, "PARTICIPANT_HAS_OPEN_LOAN");
