using Digibank.Api.Data;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

public static class SignUpQueries
{
    public static void AddSignUpQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SignUpType>>>>("courseSignUps")
            .Description("The sign-ups of a course, confirmed first, then the waiting list in order. Staff of the course's help point and the coordinator only.")
            .Argument<NonNullGraphType<IdGraphType>>("courseId")
            .ResolveAsync(async context =>
            {
                var courseId = GlobalId.DecodeFor(CourseType.TypeName, context.GetArgument<string>("courseId"));
                var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
                await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
                var course = await db.Courses.SingleOrDefaultAsync(c => c.Id == courseId, context.CancellationToken)
                    ?? throw new ExecutionError("There is no such course.") { Code = GraphQL.ErrorCodes.InvalidId };
                context.RequireStaffFor(course.HelpPointId, course.RegionId);
                return await db.SignUps
                    .Where(s => s.CourseId == courseId)
                    .OrderBy(s => s.Status == SignUpStatus.Waitlisted).ThenBy(s => s.WaitlistPosition).ThenBy(s => s.Id)
                    .ToListAsync(context.CancellationToken);
            });
}
