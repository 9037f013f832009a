using Digibank.Api.Courses;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Partners;

namespace Digibank.Api.Finder;

public static class FinderSetup
{
    public static IServiceCollection AddFinder(this IServiceCollection services) =>
        services.AddSingleton<TopicFinder>()
            .AddWhenCommitted<TopicWordsAdded, TopicFinder>("topic finder", finder => finder.Invalidate())
            .AddSingleton<UpcomingCourses>()
            // A partner's run is recorded after its upload: new courses and changed titles come with it.
            .AddWhenCommitted<PartnerSyncRunRecorded, UpcomingCourses>("help finder's courses after a sync run", courses => courses.Invalidate())
            .AddWhenCommitted<ICourseWideEvent, UpcomingCourses>("help finder's courses after a course change", courses => courses.Invalidate());
}
