using Digibank.Api.Data.Outbox;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Filtering;
using Digibank.Api.GraphQL.Paging;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.GraphQL.Sorting;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Partners;
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

public sealed class CourseFilterInputType : FilterInputType<Course>
{
    public CourseFilterInputType()
        : base("CourseFilterInput", "Conditions on a course.")
    {
        Id("id", c => c.Id, CourseType.TypeName);
        Text("title", c => c.Title, c => c.TitleKey);
        Text("summary", c => c.Summary, c => c.SummaryKey);
        Enum("status", c => c.Status);
        Enum("level", c => c.Level);
        Enum("language", c => c.Language);
        List<TopicFilterInputType, Topic>("topics", c => c.Topics);
        EnumList("targetGroups", c => c.TargetGroups);
        Object<PartnerFilterInputType, Partner>("partner", c => c.Partner);
        Object<HelpPointFilterInputType, HelpPoint>("helpPoint", c => c.HelpPoint);
        Object<MunicipalityFilterInputType, Municipality>("municipality", c => c.Municipality);
        DateTime("startsAt", c => c.StartsAt);
        DateTime("signUpDeadline", c => c.SignUpDeadline);
        Int("capacity", c => c.Capacity);
        Int("seatsLeft", c => c.Capacity - c.SignUps.Count(s => SignUp.SeatTakingStatuses.Contains(s.Status)));
        Boolean("isFree", c => c.PriceCents == 0);
        Boolean("wheelchairAccessible", c => c.WheelchairAccessible);
    }
}

public sealed class CourseSortInputType : SortInputType<Course>
{
    public CourseSortInputType()
        : base("CourseSortInput", "Sort order for courses.")
    {
        By("title", c => c.Title);
        By("startsAt", c => c.StartsAt);
        By("signUpDeadline", c => c.SignUpDeadline);
        By("price", c => c.PriceCents);
        By("capacity", c => c.Capacity);
        By("seatsLeft", c => c.Capacity - c.SignUps.Count(s => SignUp.SeatTakingStatuses.Contains(s.Status)));
        By("status", c => c.Status);
        Object<PartnerSortInputType, Partner>("partner", c => c.Partner);
        Object<MunicipalitySortInputType, Municipality>("municipality", c => c.Municipality);
    }
}

public sealed class TopicFilterInputType : FilterInputType<Topic>
{
    public TopicFilterInputType()
        : base("TopicFilterInput", "Conditions on a topic.")
    {
        Id("id", t => t.Id, TopicType.TypeName);
        Text("code", t => t.Code);
        Text("name", t => t.Name, t => t.NameKey);
    }
}

public sealed class TopicSortInputType : SortInputType<Topic>
{
    public TopicSortInputType()
        : base("TopicSortInput", "Sort order for topics.")
    {
        By("code", t => t.Code);
        By("name", t => t.Name);
    }
}
