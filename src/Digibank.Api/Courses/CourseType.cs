using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Projection;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Partners;
using GraphQL;
using GraphQL.Types;

namespace Digibank.Api.Courses;

public sealed class CourseType : NodeGraphType<Course>
{
    public const string TypeName = "Course";

    public CourseType()
        : base(TypeName, "A course (opleiding): from a general smartphone course to one urgent question such as tax-on-web.")
    {
        Field(c => c.Title);
        Field(c => c.Summary).Description("What the course is about, in plain language.");
        Field(c => c.Level, type: typeof(NonNullGraphType<EnumerationGraphType<CourseLevel>>));
        Field(c => c.Language, type: typeof(NonNullGraphType<EnumerationGraphType<CourseLanguage>>))
            .Description("Language of the course; PLAIN_DUTCH is Dutch in short, simple sentences (klare taal).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicType>>>>("topics")
            .Resolve(context => context.LoadTopics(context.Source.Id));
        Reads("topics");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<TargetGroup>>>>>("targetGroups")
            .Description("Who the course is meant for.")
            .Resolve(context => context.Source.TargetGroups);
        Reads("targetGroups", c => c.TargetGroups);
        Field<NonNullGraphType<PartnerType>>("partner")
            .Description("The organisation that runs the course.")
            .Resolve(context => context.LoadPartner(context.Source.Partner, context.Source.PartnerId));
        ReadsRelated("partner", c => c.Partner, c => c.PartnerId);
        Field(c => c.ExternalId).Description("The partner's own reference for this course.");
        Field<NonNullGraphType<CourseLocationType>>("location")
            .Description("Where the course takes place.")
            .Resolve(context => context.Source);
        ReadsSameEntity("location");
        Field<NonNullGraphType<MunicipalityType>>("municipality")
            .Resolve(context => context.LoadMunicipality(context.Source.Municipality, context.Source.MunicipalityId));
        ReadsRelated("municipality", c => c.Municipality, c => c.MunicipalityId);
        Field(c => c.Capacity).Description("Number of seats.");
        Field<NonNullGraphType<IntGraphType>>("seatsLeft")
            .Description("Seats still free. At 0 a new sign-up goes onto the waiting list.")
            .Resolve(context => context.LoadSeatCounts(context.Source.Id).Then(seats => Math.Max(0, context.Source.Capacity - seats.Taken)));
        Reads("seatsLeft", c => c.Capacity);
        Field<NonNullGraphType<IntGraphType>>("waitingListLength")
            .Description("People on the waiting list.")
            .Resolve(context => context.LoadSeatCounts(context.Source.Id).Then(seats => seats.Waiting));
        Reads("waitingListLength");
        Field<NonNullGraphType<PriceType>>("price").Resolve(context => Price.Of(context.Source));
        Reads("price", c => c.PriceCents, c => c.ReducedPriceCents);
        Field(c => c.SignUpDeadline, nullable: true).Description("Last moment to sign up.");
        Field<NonNullGraphType<BooleanGraphType>>("isSignUpOpen")
            .Description("Whether a sign-up is accepted now (a full course still takes people on its waiting list).")
            .Resolve(context => context.Source.IsSignUpOpenAt(context.UtcNow()));
        Reads("isSignUpOpen", c => c.Status, c => c.SignUpDeadline, c => c.StartsAt);
        Field(c => c.Status, type: typeof(NonNullGraphType<EnumerationGraphType<CourseStatus>>));
        Field(c => c.WheelchairAccessible);
        Field(c => c.AccessibilityNotes, nullable: true);
        Field(c => c.StartsAt, nullable: true).Description("Start of the first session.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CourseSessionType>>>>("sessions")
            .Description("The sessions, first one first.")
            .Resolve(context => context.LoadSessions(context.Source.Id));
        Reads("sessions");
        Field(c => c.UpdatedAt).Description("Last change to this course.");
    }
}

/// <summary>A course's place: a help point, or a venue of the partner's choosing.</summary>
public sealed class CourseLocationType : ProjectedGraphType<Course>
{
    public CourseLocationType()
    {
        Name = "CourseLocation";
        Description = "Where a course takes place: a help point, or another venue.";
        Field<HelpPointType>("helpPoint")
            .Description("The help point, when the course is at one.")
            .Resolve(context => HelpPointOf(context));
        ReadsRelated("helpPoint", c => c.HelpPoint, c => c.HelpPointId);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Resolve(context => (object?)context.Source.VenueName ?? FromHelpPoint(context, point => point?.Name ?? string.Empty));
        ReadsThrough("name", c => c.HelpPoint, [h => h.Name], c => c.VenueName, c => c.HelpPointId);
        Field<StringGraphType>("street")
            .Resolve(context => (object?)context.Source.VenueStreet ?? FromHelpPoint(context, point => point?.Street));
        ReadsThrough("street", c => c.HelpPoint, [h => h.Street], c => c.VenueStreet, c => c.HelpPointId);
        Field<NonNullGraphType<MunicipalityType>>("municipality")
            .Resolve(context => context.LoadMunicipality(context.Source.Municipality, context.Source.MunicipalityId));
        ReadsRelated("municipality", c => c.Municipality, c => c.MunicipalityId);
    }

    private static object? HelpPointOf(IResolveFieldContext<Course> context) =>
        context.Source.HelpPointId is { } id ? context.LoadHelpPoint(context.Source.HelpPoint, id) : null;

    /// <summary>A detail of the course's help point: read from the joined row when there is one, else batch-loaded.</summary>
    private static object? FromHelpPoint(IResolveFieldContext<Course> context, Func<HelpPoint?, string?> read) =>
        context.Source.HelpPoint is not null || context.Source.HelpPointId is not { } id
            ? read(context.Source.HelpPoint)
            : context.LoadHelpPoint(id).Then(read);
}

public sealed class CourseSessionType : ObjectGraphType<CourseSession>
{
    public const string TypeName = "CourseSession";

    public CourseSessionType()
    {
        Name = "CourseSession";
        Description = "One meeting of a course.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(s => s.StartsAt);
        Field(s => s.EndsAt);
        Field(s => s.Room, nullable: true);
        Field<NonNullGraphType<BooleanGraphType>>("cancelled")
            .Description("This one session does not take place; the others do.")
            .Resolve(context => context.Source.CancelledAt is not null);
    }
}

public sealed record Price(decimal Amount, decimal? ReducedAmount, string Currency)
{
    public static Price Of(Course course) =>
        new(course.PriceCents / 100m, course.ReducedPriceCents / 100m, "EUR");
}

public sealed class PriceType : ObjectGraphType<Price>
{
    public PriceType()
    {
        Name = "Price";
        Description = "What a course costs.";
        Field(p => p.Amount).Description("Full price; 0 when free.");
        Field(p => p.ReducedAmount, nullable: true).Description("Reduced tariff (verminderd tarief), when offered.");
        Field(p => p.Currency);
        Field<NonNullGraphType<BooleanGraphType>>("isFree").Resolve(context => context.Source.Amount == 0);
    }
}
