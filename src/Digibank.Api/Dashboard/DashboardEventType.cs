using Digibank.Api.Courses;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Partners;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.Dashboard;

public sealed class DashboardEventType : ObjectGraphType<DashboardEvent>
{
    public DashboardEventType()
    {
        Name = "DashboardEvent";
        Description = "Something that happened in the region, sent once it is committed. Personal data only for staff who may see it.";
        Field(e => e.Kind, type: typeof(NonNullGraphType<EnumerationGraphType<DashboardEventKind>>));
        Field(e => e.At);
        Field(e => e.Summary).Description("A short Dutch sentence without personal data.");
        Field<MunicipalityType>("municipality").Resolve(context => context.Source.MunicipalityId is { } id and > 0 ? context.LoadMunicipality(id) : null);
        Field<HelpPointType>("helpPoint").Resolve(context => context.Source.HelpPointId is { } id ? context.LoadHelpPoint(id) : null);
        Field<CourseType>("course").Resolve(context => context.Source.CourseId is { } id ? context.LoadCourse(id) : null);
        Field<PartnerType>("partner").Resolve(context => context.Source.PartnerId is { } id ? context.LoadPartner(id) : null);
        Field<ParticipantType>("participant")
            .Description("The person involved: only for staff of the help point and the coordinator; null for everyone else (the anonymised form).")
            .Resolve(context => context.Source.ParticipantId is { } id && context.Staff() is { } staff && staff.CanActFor(context.Source.HelpPointId, context.Source.RegionId)
                ? context.LoadParticipant(id)
                : null);
    }
}
