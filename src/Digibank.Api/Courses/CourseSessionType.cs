using Digibank.Api.GraphQL.Relay;
using GraphQL.Types;

namespace Digibank.Api.Courses;

public sealed class CourseSessionType : ObjectGraphType<CourseSession>
{
    public const string TypeName = "CourseSession";

    public CourseSessionType()
    {
        Name = "CourseSession";
        Description = "One meeting of a course.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(s => s.StartsAt);
        Field(s => s.EndsAt);
        Field(s => s.Room, nullable: true);
        Field<NonNullGraphType<BooleanGraphType>>("cancelled")
            .Description("This one session does not take place; the others do.")
            .Resolve(context => context.Source.CancelledAt is not null);
    }
}
