using GraphQL.Types;

namespace Digibank.Api.HelpRequests;

public sealed class HelpRequestMatchType : ObjectGraphType<HelpRequestMatch>
{
    public HelpRequestMatchType()
    {
        Name = "HelpRequestMatch";
        Description = "A digibuddy who could take a help request, and why.";
        Field<NonNullGraphType<DigibuddyType>>("digibuddy").Resolve(context => context.Source.Digibuddy);
        Field(m => m.HasSkill).Description("The digibuddy helps with the request's topic.");
        Field(m => m.SameMunicipality).Description("The digibuddy works in the town the request comes from.");
        Field(m => m.OpenAssignments).Description("How many assigned or scheduled requests the digibuddy already has.");
    }
}
