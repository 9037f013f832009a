using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.DataLoading;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpPoints;

public static class HelpPointDataLoaders
{
    public static IDataLoaderResult<HelpPoint?> LoadHelpPoint(this IResolveFieldContext context, int id) =>
        context.LoadByKey<int, HelpPoint>(nameof(LoadHelpPoint), id, (db, ids) => db.HelpPoints.Where(h => ids.Contains(h.Id)), h => h.Id);

    /// <summary>The help point already read with its row (a projection joined it in), as it is, or else batch-loaded: a joined row wrapped in a data loader result would wait for a second pass over the level.</summary>
    public static object? LoadHelpPoint(this IResolveFieldContext context, HelpPoint? joined, int id) =>
        joined ?? (object)context.LoadHelpPoint(id);

    public static IDataLoaderResult<IReadOnlyList<OpeningHours>> LoadOpeningHours(this IResolveFieldContext context, int helpPointId) =>
        context.LoadGroup<int, OpeningHours>(
                nameof(LoadOpeningHours),
                helpPointId,
                (db, ids) => db.OpeningHours.Where(o => ids.Contains(o.HelpPointId)),
                o => o.HelpPointId)
            .Then(hours => (IReadOnlyList<OpeningHours>)[.. hours.OrderBy(o => ((int)o.Day + 6) % 7).ThenBy(o => o.Opens)]);

    public static IDataLoaderResult<IReadOnlyList<Closure>> LoadClosures(this IResolveFieldContext context, int helpPointId)
    {
        var now = context.UtcNow();
        return context.LoadGroup<int, Closure>(
                nameof(LoadClosures),
                helpPointId,
                (db, ids) => db.Closures.Where(c => ids.Contains(c.HelpPointId) && c.EndsAt > now),
                c => c.HelpPointId)
            .Then(closures => (IReadOnlyList<Closure>)[.. closures.OrderBy(c => c.StartsAt).ThenBy(c => c.Id)]);
    }

    /// <summary>A help point's calendar put to use: from the row when the help point directory read it with its calendar, else batch-loaded.</summary>
    public static object? WithCalendar<TResult>(this IResolveFieldContext<HelpPoint> context, Func<HelpPointCalendar, TResult> use) =>
        context.RequestServices!.GetRequiredService<HelpPointDirectory>().CalendarOf(context.Source, context.UtcNow()) is { } calendar
            ? use(calendar)
            : context.LoadCalendar(context.Source.Id).Then(use);

    /// <summary>The weekly hours and the closures of a page of help points, in two queries.</summary>
    public static IDataLoaderResult<HelpPointCalendar> LoadCalendar(this IResolveFieldContext context, int helpPointId)
    {
        var now = context.UtcNow();
        return context.RequestServices!.GetRequiredService<DataLoaderRegistry>()
            .GetOrAdd<int, HelpPointCalendar>(nameof(LoadCalendar), async (db, ids, cancellationToken) =>
            {
                var hours = (await db.OpeningHours.Where(o => ids.Contains(o.HelpPointId)).ToListAsync(cancellationToken)).ToLookup(o => o.HelpPointId);
                var closures = (await db.Closures.Where(c => ids.Contains(c.HelpPointId) && c.EndsAt > now).ToListAsync(cancellationToken)).ToLookup(c => c.HelpPointId);
                return ids.ToDictionary(id => id, id => new HelpPointCalendar([.. hours[id]], [.. closures[id].Select(ClosedPeriod.Of)]));
            })
            .Load(helpPointId)
            .Then(calendar => calendar ?? new HelpPointCalendar([], []));
    }
}
