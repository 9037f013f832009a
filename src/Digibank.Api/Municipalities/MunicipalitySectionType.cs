using GraphQL.Types;

namespace Digibank.Api.Municipalities;

public sealed class MunicipalitySectionType : ObjectGraphType<MunicipalitySection>
{
    public MunicipalitySectionType()
    {
        Name = "MunicipalitySection";
        Description = "A section (deelgemeente) of a town.";
        Field(s => s.Name).Description("Name of the section, e.g. Krombeke.");
        Field(s => s.PostalCode);
    }
}
