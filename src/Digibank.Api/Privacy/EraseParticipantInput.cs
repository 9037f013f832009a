using GraphQL;

namespace Digibank.Api.Privacy;

public sealed record EraseParticipantInput([property: Id] string ParticipantId);
