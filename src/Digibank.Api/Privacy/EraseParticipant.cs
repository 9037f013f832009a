using Digibank.Api.Staff;

namespace Digibank.Api.Privacy;

/// <summary>The coordinator erases a person on their request.</summary>
public sealed record EraseParticipant(int ParticipantId, StaffUser Staff);
