using System.ComponentModel;
using GraphQL;

namespace Digibank.Api.Courses;

public sealed record ChangeCourseSessionInput(
    [property: Id] string SessionId,
    [property: Description("The new start; with endsAt, to move the session.")] DateTime? StartsAt,
    [property: Description("The new end.")] DateTime? EndsAt,
    [property: DefaultValue(false), Description("True to cancel this one session.")] bool Cancelled);
