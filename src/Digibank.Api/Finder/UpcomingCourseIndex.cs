using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Municipalities;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Finder;

/// <summary>
/// The upcoming courses of each topic, soonest first, as a whole and per town: a question's courses are the towns'
/// lists merged in the resident's order of towns, so an answer reads a few courses, not every course of its topics.
/// </summary>
public sealed class UpcomingCourseIndex
{
    private static readonly Comparer<UpcomingCourse> Soonest = Comparer<UpcomingCourse>.Create(
        (a, b) => a.StartsAt != b.StartsAt ? a.StartsAt.CompareTo(b.StartsAt) : a.Id.CompareTo(b.Id));

    private readonly Dictionary<int, UpcomingCourse[]> _byTopic;
    private readonly Dictionary<(int TopicId, int MunicipalityId), UpcomingCourse[]> _byTopicAndTown;

    public UpcomingCourseIndex(IEnumerable<(UpcomingCourse Course, IEnumerable<int> TopicIds)> courses, IReadOnlyDictionary<int, Municipality> municipalities)
    {
        var onTopic = courses.SelectMany(c => c.TopicIds.Distinct().Select(topicId => (TopicId: topicId, c.Course))).ToList();
        _byTopic = onTopic.GroupBy(c => c.TopicId).ToDictionary(g => g.Key, g => SoonestFirst(g.Select(c => c.Course)));
        _byTopicAndTown = onTopic.GroupBy(c => (c.TopicId, c.Course.MunicipalityId)).ToDictionary(g => g.Key, g => SoonestFirst(g.Select(c => c.Course)));
        Municipalities = municipalities;
    }

    /// <summary>Every town, so a course's town is at hand without a query.</summary>
    public IReadOnlyDictionary<int, Municipality> Municipalities { get; }

    public static async Task<UpcomingCourseIndex> ReadAsync(DigibankDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        // A question that arrived just before this read asks with an earlier now: the courses that started since are kept.
        var from = now - UpcomingCourses.Freshness;
        var rows = await db.Courses.AsNoTracking()
            .Where(c => (c.Status == CourseStatus.Scheduled || c.Status == CourseStatus.Full) && c.StartsAt > from)
            .Select(c => new { c.Id, c.Title, StartsAt = c.StartsAt!.Value, c.MunicipalityId, c.RegionId, TopicIds = c.Topics.Select(t => t.Id).ToList() })
            .ToListAsync(cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        return new UpcomingCourseIndex(rows.Select(c => (new UpcomingCourse(c.Id, c.Title, c.StartsAt, c.MunicipalityId, c.RegionId), (IEnumerable<int>)c.TopicIds)), municipalities);
    }

    /// <summary>
    /// The courses on any of the topics that start after <paramref name="now"/>: those in the towns of
    /// <paramref name="municipalityOrder"/> first, town by town, then the others; within each, the soonest first.
    /// </summary>
    public IEnumerable<UpcomingCourse> Ranked(IReadOnlyCollection<int> topicIds, IReadOnlyList<int> municipalityOrder, DateTime now)
    {
        var ranked = new HashSet<int>();
        foreach (var town in municipalityOrder)
        {
            if (!ranked.Add(town))
            {
                continue;
            }

            foreach (var course in Merge([.. topicIds.Select(topicId => _byTopicAndTown.GetValueOrDefault((topicId, town)))], now))
            {
                yield return course;
            }
        }

        foreach (var course in Merge([.. topicIds.Select(topicId => _byTopic.GetValueOrDefault(topicId))], now))
        {
            if (!ranked.Contains(course.MunicipalityId))
            {
                yield return course;
            }
        }
    }

    /// <summary>Lists that are each soonest first, merged into one, from after <paramref name="now"/>; a course on two topics comes once.</summary>
    private static IEnumerable<UpcomingCourse> Merge(UpcomingCourse[]?[] lists, DateTime now)
    {
        var next = lists.Select(list => list is null ? 0 : FirstAfter(list, now)).ToArray();
        UpcomingCourse? previous = null;
        while (true)
        {
            var soonest = -1;
            for (var i = 0; i < lists.Length; i++)
            {
                if (lists[i] is { } list && next[i] < list.Length && (soonest < 0 || Soonest.Compare(list[next[i]], lists[soonest]![next[soonest]]) < 0))
                {
                    soonest = i;
                }
            }

            if (soonest < 0)
            {
                yield break;
            }

            var course = lists[soonest]![next[soonest]++];
            if (course.Id != previous?.Id)
            {
                yield return course;
            }

            previous = course;
        }
    }

    private static int FirstAfter(UpcomingCourse[] list, DateTime now)
    {
        var (low, high) = (0, list.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = list[middle].StartsAt > now ? (low, middle) : (middle + 1, high);
        }

        return low;
    }

    private static UpcomingCourse[] SoonestFirst(IEnumerable<UpcomingCourse> courses)
    {
        var sorted = courses.ToArray();
        Array.Sort(sorted, Soonest);
        return sorted;
    }
}
