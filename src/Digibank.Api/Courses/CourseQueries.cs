using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.GraphQL.Sorting;
using GraphQL.Types;

namespace Digibank.Api.Courses;

public static class CourseQueries
{
    public static IServiceCollection AddCourses(this IServiceCollection services) =>
        services
            .AddNodeSource(CourseType.TypeName, db => db.Courses.Where(c => c.Status != CourseStatus.Withdrawn))
            .AddNodeSource(TopicType.TypeName, db => db.Topics)
            .AddDomainEventSource<SignUpEvents>();

    public static void AddCourseQueries(this ObjectGraphType query)
    {
        query.ConnectionField<CourseType, Course, CourseFilterInputType, CourseSortInputType>(
                "courses",
                db => db.Courses.Where(c => c.Status != CourseStatus.Withdrawn),
                new SortStep<Course>((Course c) => c.StartsAt, SortDirection.Asc))
            .Description("The course catalogue of the region, soonest first.");

        query.ConnectionField<TopicType, Topic, TopicFilterInputType, TopicSortInputType>(
                "topics",
                db => db.Topics,
                new SortStep<Topic>((Topic t) => t.Name, SortDirection.Asc))
            .Description("The subjects courses are about.");
    }
}
