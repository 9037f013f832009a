using System.Linq.Expressions;
using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.GraphQL.Sorting;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

public static class CourseQueries
{
    public static IServiceCollection AddCourses(this IServiceCollection services) =>
        services
            .AddNodeSource(CourseType.TypeName, db => db.Courses.Where(c => c.Status != CourseStatus.Withdrawn))
            .AddNodeSource(TopicType.TypeName, db => db.Topics)
            .AddDomainEventSource<SignUpEvents>()
            .AddScoped<CounterSessions>()
            .AddSingleton<CounterSignUps>()
            .AddParticipants();

    public static void AddCourseQueries(this ObjectGraphType query)
    {
        query.ConnectionField<CourseType, Course, CourseFilterInputType, CourseSortInputType>(
                "courses",
                db => db.Courses.Where(c => c.Status != CourseStatus.Withdrawn),
                NarrowingAsync,
                new SortStep<Course>((Course c) => c.StartsAt, SortDirection.Asc))
            .Description("The course catalogue of every region, or of one, soonest first. A course in another region is open to anyone, as any other.")
            .WithRegionArgument("courses")
            .Argument<NearTownInputType>("near", "Only courses in the towns within a distance of a town's centre, whichever region they are in.");

        query.ConnectionField<TopicType, Topic, TopicFilterInputType, TopicSortInputType>(
                "topics",
                db => db.Topics,
                new SortStep<Topic>((Topic t) => t.Name, SortDirection.Asc))
            .Description("The subjects courses are about.");
    }

    /// <summary>The region and the distance asked for, as conditions on the course's own columns.</summary>
    private static async ValueTask<Expression<Func<Course, bool>>?> NarrowingAsync(IResolveFieldContext context)
    {
        var regionId = await context.RegionIdAsync();
        List<int>? towns = null;
        if (context.GetArgument<NearTown?>("near") is { } near)
        {
            var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
            await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
            towns = await TownsNearby.WithinAsync(db, near, context.CancellationToken);
        }

        return (regionId, towns) switch
        {
            (null, null) => null,
            ({ } region, null) => c => c.RegionId == region,
            (null, { } nearby) => c => nearby.Contains(c.MunicipalityId),
            ({ } region, { } nearby) => c => c.RegionId == region && nearby.Contains(c.MunicipalityId),
        };
    }
}
