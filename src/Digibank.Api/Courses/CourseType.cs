using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using Digibank.Api.Partners;
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
