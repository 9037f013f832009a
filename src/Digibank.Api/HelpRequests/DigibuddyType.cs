using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using GraphQL.Types;

namespace Digibank.Api.HelpRequests;

/// <summary>A volunteer. Only reachable through staff-only fields: residents never see who helps whom.</summary>
public sealed class DigibuddyType : ObjectGraphType<Digibuddy>
{
    public const string TypeName = "Digibuddy";

    public DigibuddyType()
    {
        Name = TypeName;
        Description = "A volunteer who helps residents with digital questions. Visible to staff only.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(d => d.FirstName).Description("First name only.");
        Field<NonNullGraphType<MunicipalityType>>("municipality")
            .Description("The town the digibuddy works in.")
            .Resolve(context => context.LoadMunicipality(context.Source.MunicipalityId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicType>>>>("skills")
            .Description("The topics the digibuddy helps with.")
            .Resolve(context => context.LoadSkills(context.Source.Id));
        Field(d => d.Availability, nullable: true).Description("When the digibuddy is usually free, in their words, e.g. \"dinsdagvoormiddag\".");
        Field(d => d.Active).Description("False once the digibuddy no longer takes requests.");
    }
}
