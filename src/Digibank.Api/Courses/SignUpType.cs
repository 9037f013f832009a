using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Participants;
using GraphQL.Types;

namespace Digibank.Api.Courses;

public sealed class SignUpType : ObjectGraphType<SignUp>
{
    public const string TypeName = "SignUp";

    public SignUpType()
    {
        Name = TypeName;
        Description = "A place on a course (inschrijving), confirmed or on the waiting list.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(s => s.Status, type: typeof(NonNullGraphType<EnumerationGraphType<SignUpStatus>>));
        Field(s => s.Channel, type: typeof(NonNullGraphType<EnumerationGraphType<SignUpChannel>>))
            .Description("WEB: the resident signed up; PARTNER: taken by the partner; COUNTER: assisted by staff.");
        Field(s => s.WaitlistPosition, nullable: true).Description("Place on the waiting list, 1 first; null when not waiting.");
        Field(s => s.CreatedAt);
        Field<NonNullGraphType<CourseType>>("course").Resolve(context => context.LoadCourse(context.Source.CourseId));
        Field<ParticipantType>("participant")
            .Description("Who signed up. Only for staff of the course's help point and the coordinator.")
            .Resolve(context => context.LoadCourse(context.Source.CourseId)
                .Then(course => context.LoadParticipantFor(course?.HelpPointId, context.Source.RegionId, context.Source.ParticipantId)));
    }
}
