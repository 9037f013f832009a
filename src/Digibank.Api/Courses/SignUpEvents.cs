using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Courses;

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
            chunk => db.Courses.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Title, c.PartnerId, c.MunicipalityId, c.HelpPointId, c.RegionId }),
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
                signUp.ParticipantId, signUp.Channel, signUp.Status, signUp.WaitlistPosition, isNew, statusChanged, positionChanged, signUp.UpdatedAt, origin, now, signUp.RegionId));
        }

        raised.AddRange(courses.Values.Select(course => (Func<IDomainEvent>)(() =>
            new CourseAvailabilityChanged(course.Id, course.Title, course.PartnerId, course.MunicipalityId, course.HelpPointId, now, course.RegionId))));
        return raised;
    }
}
