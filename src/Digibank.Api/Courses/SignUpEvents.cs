using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

/// <summary>
/// A sign-up was made, or its status or place on the waiting list changed. Carries what its consumers
/// need, so none has to read the course again: the partner feed, the dashboard, the notifications.
/// </summary>
public sealed record SignUpChanged(
    int SignUpId,
    int CourseId,
    string CourseTitle,
    int PartnerId,
    int MunicipalityId,
    int? HelpPointId,
    int ParticipantId,
    SignUpChannel Channel,
    SignUpStatus Status,
    int? WaitlistPosition,
    bool IsNew,
    bool StatusChanged,
    bool WaitlistPositionChanged,
    DateTime ChangedAt,
    string? Origin,
    DateTime At) : IDomainEvent;

/// <summary>Something happened to whole courses that everyone signed up for them has to hear about.</summary>
public interface ICourseWideEvent : IDomainEvent
{
    IReadOnlyList<int> CourseIds { get; }

    DateTime At { get; }
}

/// <summary>Courses taken out of the catalogue (a partner's upload, a coordinator's confirmation): their participants are told.</summary>
public sealed record CoursesWithdrawn(IReadOnlyList<int> CourseIds, DateTime At) : ICourseWideEvent;

/// <summary>The partner's offer now says these courses are cancelled.</summary>
public sealed record CoursesCancelled(IReadOnlyList<int> CourseIds, DateTime At) : ICourseWideEvent;

/// <summary>Sessions of these courses moved, were added, dropped or cancelled (by the partner's offer or by staff); the courses go ahead.</summary>
public sealed record CoursesRescheduled(IReadOnlyList<int> CourseIds, DateTime At) : ICourseWideEvent;

/// <summary>A course's seats or waiting list may have changed (once per course per save).</summary>
public sealed record CourseAvailabilityChanged(int CourseId, string CourseTitle, int PartnerId, int MunicipalityId, int? HelpPointId, DateTime At) : IDomainEvent;

/// <summary>Raises the sign-up events of a save: every sign-up added or changed, and each course they touch.</summary>
public sealed class SignUpEvents : IDomainEventSource
{
    public async ValueTask<IReadOnlyList<Func<IDomainEvent>>> RaiseAsync(DigibankDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries<SignUp>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (entries.Count == 0)
        {
            return [];
        }

        var courses = await entries.Select(e => e.Entity.CourseId).ReadInChunksAsync(
            chunk => db.Courses.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Title, c.PartnerId, c.MunicipalityId, c.HelpPointId }),
            c => c.Id,
            cancellationToken);
        var raised = new List<Func<IDomainEvent>>();
        foreach (var entry in entries)
        {
            var signUp = entry.Entity;
            if (!courses.TryGetValue(signUp.CourseId, out var course))
            {
                continue;
            }

            var isNew = entry.State == EntityState.Added;
            var statusChanged = !isNew && entry.Property(s => s.Status).IsModified;
            var positionChanged = !isNew && entry.Property(s => s.WaitlistPosition).IsModified;
            var origin = db.Origin;
            // Ids of rows added in this save are read when the event is completed, after the save.
            raised.Add(() => new SignUpChanged(signUp.Id, course.Id, course.Title, course.PartnerId, course.MunicipalityId, course.HelpPointId,
                signUp.ParticipantId, signUp.Channel, signUp.Status, signUp.WaitlistPosition, isNew, statusChanged, positionChanged, signUp.UpdatedAt, origin, now));
        }

        raised.AddRange(courses.Values.Select(course => (Func<IDomainEvent>)(() =>
            new CourseAvailabilityChanged(course.Id, course.Title, course.PartnerId, course.MunicipalityId, course.HelpPointId, now))));
        return raised;
    }
}
