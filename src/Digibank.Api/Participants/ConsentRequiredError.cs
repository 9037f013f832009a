using System.ComponentModel;

namespace Digibank.Api.Participants;

[Description("The person has to agree that Digibank keeps their first name and contact for this.")]
public sealed record ConsentRequiredError(string Message) : UserError(Message, "CONSENT_REQUIRED");
