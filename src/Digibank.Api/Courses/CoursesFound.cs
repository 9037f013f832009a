namespace Digibank.Api.Courses;

/// <summary>One page of a search for courses, soonest first; <see cref="More"/> when more matched than fit on it.</summary>
public sealed record CoursesFound(IReadOnlyList<CounterCourse> Courses, bool More)
{
    public static readonly CoursesFound None = new([], false);
}
