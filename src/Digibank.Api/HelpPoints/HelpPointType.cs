using GraphQL.Builders;
using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using GraphQL.Types;

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
                var now = RegionTime.ToLocal(context.UtcNow());
                return context.WithCalendar(calendar => OpeningCalendar.IsOpenAt(calendar.Hours, calendar.Closed, now));
            });
        Reads("isOpenNow");
        Field<DateTimeGraphType>("nextOpenAt")
            .Description($"When the point is next open, public holidays and closures respected: now while it is open; null when it is closed for the next {OpeningCalendar.LookAheadDays} days.")
            .Resolve(context =>
            {
                var now = RegionTime.ToLocal(context.UtcNow());
                return context.WithCalendar(calendar => OpeningCalendar.NextOpenAt(calendar.Hours, calendar.Closed, now) is { } local ? RegionTime.ToUtc(local) : (DateTime?)null);
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
