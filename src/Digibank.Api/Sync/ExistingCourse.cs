using Digibank.Api.Courses;

namespace Digibank.Api.Sync;

/// <summary>What the catalogue holds of a partner's offer: enough to tell a new, a changed and an unchanged offer apart.</summary>
public sealed record ExistingCourse(string ExternalId, int Id, string? Hash, CourseStatus Status);
