using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Devices;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digibank.Api.Regions;

/// <summary>
/// The last word on "everything belongs to exactly one region, through its place": a row added without its region
/// gets the region of its place (a sign-up its course's, a loan its help point's, a message its person's) before it is
/// saved, and a row whose place has no region stops the save. The feature services name the region themselves; this
/// catches every other way in (imports, seeds, tools), so no row ever lands in no region.
/// </summary>
public sealed class RegionStamp : SaveChangesInterceptor
{
    private const string RegionIdProperty = "RegionId";

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DigibankDbContext db)
        {
            // Places first, then what happens at them, then what is said about it: each step reads the one before.
            await StampAsync<HelpPoint>(db, (h, ct) => OfMunicipalityAsync(db, h.Municipality, h.MunicipalityId, ct), cancellationToken);
            await StampAsync<Device>(db, (d, ct) => OfHelpPointAsync(db, d.HomeHelpPoint, d.HomeHelpPointId, ct), cancellationToken);
            await StampAsync<Course>(db, (c, ct) => c.HelpPointId is { } || c.HelpPoint is not null
                ? OfHelpPointAsync(db, c.HelpPoint, c.HelpPointId ?? 0, ct)
                : OfMunicipalityAsync(db, c.Municipality, c.MunicipalityId, ct), cancellationToken);
            await StampAsync<SignUp>(db, (s, ct) => s.Course is { } course ? Known(course.RegionId) : ReadAsync(db.Courses.Where(c => c.Id == s.CourseId).Select(c => c.RegionId), ct), cancellationToken);
            await StampAsync<Loan>(db, (l, ct) => l.Device is { } device ? Known(device.RegionId) : OfHelpPointAsync(db, null, l.HelpPointId, ct), cancellationToken);
            await StampAsync<Reservation>(db, (r, ct) => OfHelpPointAsync(db, null, r.HelpPointId, ct), cancellationToken);
            await StampAsync<HelpRequest>(db, (h, ct) => h.HelpPointId is { } helpPointId
                ? OfHelpPointAsync(db, null, helpPointId, ct)
                : OfMunicipalityAsync(db, h.Municipality, h.MunicipalityId, ct), cancellationToken);
            await StampParticipantsAsync(db, cancellationToken);
            await StampAsync<Notification>(db, (n, ct) => OfParticipantAsync(db, n.ParticipantId, ct), cancellationToken);
            await StampAsync<CallTask>(db, (t, ct) => t.Notification is { } notification ? Known(notification.RegionId) : OfParticipantAsync(db, t.ParticipantId, ct), cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// A person belongs to the region where they were first met: the place of the sign-up, loan, reservation or help
    /// request they came with, or else the region of the town they live in.
    /// </summary>
    private static async Task StampParticipantsAsync(DigibankDbContext db, CancellationToken cancellationToken)
    {
        var metAt = new Dictionary<Participant, int>(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            var (person, regionId) = entry.Entity switch
            {
                SignUp s => (s.Participant, s.RegionId),
                Loan l => (l.Participant, l.RegionId),
                Reservation r => (r.Participant, r.RegionId),
                HelpRequest h => (h.Participant, h.RegionId),
                _ => (null, 0),
            };
            if (person is not null && regionId > 0)
            {
                metAt.TryAdd(person, regionId);
            }
        }

        await StampAsync<Participant>(db, (p, ct) => metAt.TryGetValue(p, out var regionId) ? Known(regionId) : OfMunicipalityAsync(db, p.Municipality, p.MunicipalityId, ct), cancellationToken);
    }

    private static async Task StampAsync<T>(DigibankDbContext db, Func<T, CancellationToken, Task<int?>> regionOf, CancellationToken cancellationToken)
        where T : class
    {
        foreach (var entry in db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).ToList())
        {
            var regionId = entry.Property<int>(RegionIdProperty);
            if (regionId.CurrentValue > 0)
            {
                continue;
            }

            regionId.CurrentValue = await regionOf(entry.Entity, cancellationToken) is { } found and > 0
                ? found
                : throw new InvalidOperationException($"A new {typeof(T).Name} has no place in any region.");
        }
    }

    private static Task<int?> OfHelpPointAsync(DigibankDbContext db, HelpPoint? helpPoint, int helpPointId, CancellationToken cancellationToken) =>
        helpPoint is { RegionId: > 0 } ? Known(helpPoint.RegionId) : ReadAsync(db.HelpPoints.Where(h => h.Id == helpPointId).Select(h => h.RegionId), cancellationToken);

    private static Task<int?> OfMunicipalityAsync(DigibankDbContext db, Municipality? municipality, int municipalityId, CancellationToken cancellationToken) =>
        municipality is { RegionId: > 0 } ? Known(municipality.RegionId) : ReadAsync(db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.RegionId), cancellationToken);

    private static Task<int?> OfParticipantAsync(DigibankDbContext db, int participantId, CancellationToken cancellationToken) =>
        db.ChangeTracker.Entries<Participant>().FirstOrDefault(p => p.Entity.Id == participantId) is { Entity.RegionId: > 0 } tracked
            ? Known(tracked.Entity.RegionId)
            : ReadAsync(db.Participants.Where(p => p.Id == participantId).Select(p => p.RegionId), cancellationToken);

    private static async Task<int?> ReadAsync(IQueryable<int> regionIds, CancellationToken cancellationToken) =>
        await regionIds.Select(id => (int?)id).FirstOrDefaultAsync(cancellationToken);

    private static Task<int?> Known(int regionId) => Task.FromResult<int?>(regionId);

}
