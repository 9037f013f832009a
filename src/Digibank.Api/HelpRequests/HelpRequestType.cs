using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using GraphQL.Types;

namespace Digibank.Api.HelpRequests;

public sealed class HelpRequestType : ObjectGraphType<HelpRequest>
{
    public const string TypeName = "HelpRequest";

    public HelpRequestType()
    {
        Name = TypeName;
        Description = "A resident's question (hulpvraag), answered at a help point, by phone or at home.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field<NonNullGraphType<TopicType>>("topic").Resolve(context => context.LoadTopic(context.Source.TopicId));
        Field(h => h.Urgency, type: typeof(NonNullGraphType<EnumerationGraphType<HelpRequestUrgency>>));
        Field(h => h.Channel, type: typeof(NonNullGraphType<EnumerationGraphType<HelpRequestChannel>>))
            .Description("WALK_IN and PHONE are answered by a help point or a digibuddy; HOME_VISIT by the mobile team.");
        Field(h => h.Status, type: typeof(NonNullGraphType<EnumerationGraphType<HelpRequestStatus>>));
        Field<NonNullGraphType<MunicipalityType>>("municipality")
            .Description("The town the resident lives in.")
            .Resolve(context => context.LoadMunicipality(context.Source.MunicipalityId));
        Field<HelpPointType>("helpPoint")
            .Description("The help point handling the request; null when the coordinator still has to pick one.")
            .Resolve(context => context.Source.HelpPointId is { } helpPointId ? context.LoadHelpPoint(helpPointId) : null);
        Field<DigibuddyType>("assignedDigibuddy")
            .Description("The digibuddy who helps. Only for staff of the request's help point, the coordinator and that digibuddy.")
            .Resolve(context =>
            {
                context.RequireHelperOf(context.Source);
                return context.Source.AssignedDigibuddyId is { } digibuddyId ? context.LoadDigibuddy(digibuddyId) : null;
            });
        Field(h => h.AssignedStaffName, nullable: true).Description("The staff member who helps when no digibuddy does.");
        Field(h => h.AssignedAt, nullable: true);
        Field<HomeVisitSlotType>("visit")
            .Description("The time slot of a scheduled home visit.")
            .Resolve(context => context.Source is { VisitStartsAt: { } startsAt, VisitEndsAt: { } endsAt } ? new HomeVisitSlot(startsAt, endsAt) : null);
        Field(h => h.CreatedAt);
        Field(h => h.ResolvedAt, nullable: true);
        Field<ParticipantType>("participant")
            .Description("Who asked. Only for staff of the request's help point, the coordinator and the digibuddy it is assigned to.")
            .Resolve(context =>
            {
                context.RequireHelperOf(context.Source);
                return context.Source.ParticipantId is { } participantId ? context.LoadParticipant(participantId) : null;
            });
    }
}
