using Digibank.Api.Courses;

namespace Digibank.Api.Privacy;

/// <summary>One sign-up of an erased person: on which course of which partner, and taken how.</summary>
public sealed record ErasedSignUp(int SignUpId, int CourseId, int PartnerId, SignUpChannel Channel);
