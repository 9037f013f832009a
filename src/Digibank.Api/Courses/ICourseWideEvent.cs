using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Courses;

/// <summary>Something happened to whole courses that everyone signed up for them has to hear about.</summary>
public interface ICourseWideEvent : IDomainEvent
{
    IReadOnlyList<int> CourseIds { get; }

    DateTime At { get; }
}
