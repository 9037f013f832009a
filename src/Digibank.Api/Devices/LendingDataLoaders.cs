using Digibank.Api.GraphQL.DataLoading;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Devices;

public static class LendingDataLoaders
{
    public static IDataLoaderResult<Device?> LoadDevice(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, Device>(nameof(LoadDevice), id, (db, ids) => db.Devices.Where(d => ids.Contains(d.Id)), d => d.Id);

    /// <summary>The queue positions of a page of reservations in one query; reservations no longer waiting have none.</summary>
    public static IDataLoaderResult<int?> LoadQueuePosition(this IResolveFieldContext context, int reservationId) =>
        context.RequestServices!.GetRequiredService<DataLoaderRegistry>()
            .GetOrAdd<int, int>(nameof(LoadQueuePosition), async (db, ids, cancellationToken) =>
                await db.Reservations
                    .Where(r => ids.Contains(r.Id) && r.Status == ReservationStatus.Waiting)
                    .Select(r => new
                    {
                        r.Id,
                        Position = db.Set<Reservation>().Count(ahead => ahead.HelpPointId == r.HelpPointId && ahead.Kind == r.Kind
                            && ahead.Status == ReservationStatus.Waiting && ahead.Id < r.Id) + 1,
                    })
                    .ToDictionaryAsync(r => r.Id, r => r.Position, cancellationToken))
            .Load(reservationId)
            .Then(position => position == 0 ? (int?)null : position);
}
