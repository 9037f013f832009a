using System.ComponentModel;

namespace Digibank.Api.Participants;

[Description("Someone with this e-mail address or phone number is known already: that is the person.")]
public sealed record PersonKnownError(string Message, int ParticipantId) : UserError(Message, "PERSON_KNOWN");

[Description("People with the same first name live in the same town: perhaps one of them is this person.")]
public sealed record NamesakesError(string Message, IReadOnlyList<int> ParticipantIds) : UserError(Message, "NAMESAKES");
