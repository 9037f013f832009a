using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.HelpPoints;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Devices;

/// <summary>Raises the lending events of a save: loans made and returned, and the help points whose devices changed.</summary>
public sealed class LendingEvents : IDomainEventSource
{
    public async ValueTask<IReadOnlyList<Func<IDomainEvent>>> RaiseAsync(DigibankDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity is Loan or Device or Reservation)
            .ToList();
        if (entries.Count == 0)
        {
            return [];
        }

        var loans = entries.Where(e => e.Entity is Loan).ToList();
        var helpPointIds = entries.Select(e => e.Entity switch
        {
            Loan loan => loan.HelpPointId,
            Device device => device.HomeHelpPointId,
            _ => ((Reservation)e.Entity).HelpPointId,
        }).ToList();
        var points = (await helpPointIds.ReadInChunksAsync(
                chunk => db.HelpPoints.AsNoTracking().Where(h => chunk.Contains(h.Id)).Select(h => new { h.Id, h.Name, h.MunicipalityId, h.RegionId }), cancellationToken))
            .ToDictionary(h => h.Id, h => (Name: (string?)h.Name, MunicipalityId: (int?)h.MunicipalityId, RegionId: (int?)h.RegionId));

        var raised = new List<Func<IDomainEvent>>();
        foreach (var entry in loans)
        {
            var loan = (Loan)entry.Entity;
            var returned = entry.State == EntityState.Modified && entry.Property(nameof(Loan.ReturnedAt)).IsModified && loan.ReturnedAt is not null;
            var (name, municipalityId, _) = points.GetValueOrDefault(loan.HelpPointId);
            if (entry.State == EntityState.Added)
            {
                raised.Add(() => new DeviceLent(loan.Id, loan.HelpPointId, name, municipalityId, loan.ParticipantId, now, loan.RegionId));
            }
            else if (returned)
            {
                raised.Add(() => new DeviceReturned(loan.Id, loan.HelpPointId, name, municipalityId, loan.ParticipantId, now, loan.RegionId));
            }
        }

        foreach (var entry in entries.Where(e => e.Entity is Reservation { Status: ReservationStatus.Ready, ReadyUntil: not null }))
        {
            var reservation = (Reservation)entry.Entity;
            if (entry.State == EntityState.Added || entry.Property(nameof(Reservation.Status)).IsModified)
            {
                raised.Add(() => new ReservationReady(reservation.Id, reservation.HelpPointId, reservation.ParticipantId, reservation.Kind, reservation.ReadyUntil!.Value, now));
            }
        }

        // Devices and reservations first, then loans: the order the dashboard has always shown them in.
        var changedPoints = entries.Where(e => e.Entity is not Loan).Concat(loans)
            .Select(e => e.Entity switch
            {
                Loan loan => loan.HelpPointId,
                Device device => device.HomeHelpPointId,
                _ => ((Reservation)e.Entity).HelpPointId,
            })
            .Distinct();
        foreach (var helpPointId in changedPoints)
        {
            var (name, municipalityId, regionId) = points.GetValueOrDefault(helpPointId);
            raised.Add(() => new DeviceAvailabilityChanged(helpPointId, name, municipalityId, now, regionId));
        }

        return raised;
    }
}
