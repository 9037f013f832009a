using Digibank.Api.Staff;

namespace Digibank.Api.Participants;

/// <summary>
/// Register a person of the staff member's region; <see cref="DespiteNamesakes"/> once staff saw the people with the
/// same first name in the same town and know this is someone else.
/// </summary>
public sealed record RegisterParticipant(ResidentDetails Resident, bool DespiteNamesakes, StaffUser Staff);
