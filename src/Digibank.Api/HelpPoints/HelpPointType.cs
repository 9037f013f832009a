using GraphQL.Builders;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.HelpPoints;

public sealed class HelpPointType : NodeGraphType<HelpPoint>
{
    public const string TypeName = "HelpPoint";

    public HelpPointType(IEnumerable<IHelpPointFields> extensions)
        : base(TypeName, "An antenna point (antennepunt) where residents get help, borrow a device or follow a course.")
    {
        Field(h => h.Name);
        Field(h => h.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<HelpPointKind>>));
        Field<NonNullGraphType<MunicipalityType>>("municipality")
            .Resolve(context => context.LoadMunicipality(context.Source.Municipality, context.Source.MunicipalityId));
        ReadsRelated("municipality", h => h.Municipality, h => h.MunicipalityId);
        Field<MunicipalitySectionType>("section")
            .Description("The section (deelgemeente) it is in, e.g. Krombeke.")
            .Resolve(context => context.Source.SectionId is { } sectionId ? context.LoadSection(sectionId) : null);
        Reads("section", h => h.SectionId);
        Field(h => h.Street, nullable: true).Description("Street and number; empty for the mobile team, which comes to people's homes.");
        Field(h => h.PostalCode, nullable: true);
        Field<GeoPointType>("location")
            .Description("Coordinates for a map, when the point has a fixed address.")
            .Resolve(context => context.Source is { Latitude: { } latitude, Longitude: { } longitude } ? new GeoPoint(latitude, longitude) : null);
        Reads("location", h => h.Latitude, h => h.Longitude);
        Field(h => h.Phone, nullable: true);
        Field(h => h.Email, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<HelpPointService>>>>>("services")
            .Description("What residents can come for.")
            .Resolve(context => context.Source.Services);
        Reads("services", h => h.Services);
        Field(h => h.WheelchairAccessible);
        Field(h => h.AccessibilityNotes, nullable: true).Description("Practical notes: entrance, lift, parking, hearing loop.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OpeningHoursType>>>>("openingHours")
            .Description("Weekly opening periods in local time, Monday first.")
            .Resolve(context => context.LoadOpeningHours(context.Source.Id));
        Reads("openingHours");
        Field<NonNullGraphType<BooleanGraphType>>("isOpenNow")
            .Description("Whether the point is open at this moment (Belgian time): its weekly hours, except on public holidays and during its closures.")
            .Resolve(context =>
            {
                var now = Region.ToLocal(context.UtcNow());
                return context.WithCalendar(calendar => OpeningCalendar.IsOpenAt(calendar.Hours, calendar.Closed, now));
            });
        Reads("isOpenNow");
        Field<DateTimeGraphType>("nextOpenAt")
            .Description($"When the point is next open, public holidays and closures respected: now while it is open; null when it is closed for the next {OpeningCalendar.LookAheadDays} days.")
            .Resolve(context =>
            {
                var now = Region.ToLocal(context.UtcNow());
                return context.WithCalendar(calendar => OpeningCalendar.NextOpenAt(calendar.Hours, calendar.Closed, now) is { } local ? Region.ToUtc(local) : (DateTime?)null);
            });
        Reads("nextOpenAt");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClosureType>>>>("closures")
            .Description("Closures that have not ended yet, soonest first: a summer closure, a day off, an evening.")
            .Resolve(context => context.LoadClosures(context.Source.Id));
        Reads("closures");
        foreach (var extension in extensions)
            extension.AddTo(this);
    }

    /// <summary>A field that reads no member of the help point beyond its id, added by another feature.</summary>
    public FieldBuilder<HelpPoint, TValue> ExtensionField<TGraphType, TValue>(string name)
        where TGraphType : IGraphType
    {
        Reads(name);
        return Field<TGraphType, TValue>(name);
    }
}

/// <summary>
/// Fields another feature adds to a help point (such as the devices lent there), so that help points need not
/// know that feature. Register an implementation as a singleton.
/// </summary>
public interface IHelpPointFields
{
    void AddTo(HelpPointType helpPoint);
}

public sealed class OpeningHoursType : ObjectGraphType<OpeningHours>
{
    public OpeningHoursType()
    {
        Name = "OpeningHours";
        Description = "One opening period on a weekday, in Belgian local time.";
        Field(o => o.Day, type: typeof(NonNullGraphType<EnumerationGraphType<DayOfWeek>>));
        Field<NonNullGraphType<StringGraphType>>("opens").Description("Local time as HH:mm.").Resolve(context => context.Source.Opens.ToString("HH:mm"));
        Field<NonNullGraphType<StringGraphType>>("closes").Description("Local time as HH:mm.").Resolve(context => context.Source.Closes.ToString("HH:mm"));
    }
}

public sealed record GeoPoint(double Latitude, double Longitude);

public sealed class GeoPointType : ObjectGraphType<GeoPoint>
{
    public GeoPointType()
    {
        Name = "GeoPoint";
        Description = "WGS 84 coordinates.";
        Field(p => p.Latitude);
        Field(p => p.Longitude);
    }
}

public sealed class ClosureType : ObjectGraphType<Closure>
{
    public const string TypeName = "Closure";

    public ClosureType()
    {
        Name = TypeName;
        Description = "A time the help point is closed although its weekly hours say open.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(c => c.StartsAt);
        Field(c => c.EndsAt).Description("The closure ends just before this moment.");
        Field(c => c.Reason).Description("Why, for residents: \"Zomersluiting\", \"Personeelsdag\".");
    }
}

/// <summary>A help point's weekly hours and its closures that have not ended, in local time.</summary>
public sealed record HelpPointCalendar(IReadOnlyList<OpeningHours> Hours, IReadOnlyList<ClosedPeriod> Closed);

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
