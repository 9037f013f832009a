using Digibank.Api.GraphQL.Filtering;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Partners;

namespace Digibank.Api.Courses;

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
