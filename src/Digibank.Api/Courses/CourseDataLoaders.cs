using Digibank.Api.GraphQL.DataLoading;
using GraphQL;
using GraphQL.DataLoader;

namespace Digibank.Api.Courses;

public static class CourseDataLoaders
{
    public static IDataLoaderResult<Course?> LoadCourse(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, Course>(nameof(LoadCourse), id, (db, ids) => db.Courses.Where(c => ids.Contains(c.Id)), c => c.Id);


    public static IDataLoaderResult<IReadOnlyList<CourseSession>> LoadSessions(this IResolveFieldContext context, int courseId) =>
        context.LoadGroup<int, CourseSession>(
            nameof(LoadSessions),
            courseId,
            (db, ids) => db.CourseSessions.Where(s => ids.Contains(s.CourseId)).OrderBy(s => s.StartsAt),
            s => s.CourseId);

    public static IDataLoaderResult<IReadOnlyList<Topic>> LoadTopics(this IResolveFieldContext context, int courseId) =>
        context.LoadGroup<int, CourseTopic>(
                nameof(LoadTopics),
                courseId,
                (db, ids) => db.Courses
                    .Where(c => ids.Contains(c.Id))
                    .SelectMany(c => c.Topics, (c, t) => new CourseTopic(c.Id, t)),
                ct => ct.CourseId)
            .Then(rows => (IReadOnlyList<Topic>)[.. rows.Select(row => row.Topic).OrderBy(topic => topic.Name, StringComparer.Ordinal)]);

    public static IDataLoaderResult<SeatCounts> LoadSeatCounts(this IResolveFieldContext context, int courseId) =>
        context.LoadByKey<int, CourseSeats>(
                nameof(LoadSeatCounts),
                courseId,
                (db, ids) => db.SignUps
                    .Where(s => ids.Contains(s.CourseId))
                    .GroupBy(s => s.CourseId)
                    .Select(g => new CourseSeats(
                        g.Key,
                        g.Count(s => SignUp.SeatTakingStatuses.Contains(s.Status)),
                        g.Count(s => s.Status == SignUpStatus.Waitlisted))),
                seats => seats.CourseId)
            .Then(seats => seats is null ? SeatCounts.None : new SeatCounts(seats.Taken, seats.Waiting));

    public sealed record CourseTopic(int CourseId, Topic Topic);

    public sealed record CourseSeats(int CourseId, int Taken, int Waiting);
}
