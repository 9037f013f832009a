using Digibank.Api.GraphQL.Relay;
using GraphQL.Types;

namespace Digibank.Api.Municipalities;

public sealed class MunicipalityType : NodeGraphType<Municipality>
{
    public const string TypeName = "Municipality";

    public MunicipalityType()
        : base(TypeName, "A town of the region (gemeente).")
    {
        Field(m => m.Name).Description("Name of the town, e.g. Heuvelland.");
        Field(m => m.PostalCode).Description("Main postal code.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MunicipalitySectionType>>>>("sections")
            .Description("The former municipalities (deelgemeenten) the town was merged from, e.g. Kemmel or Krombeke.")
            .Resolve(context => context.LoadSections(context.Source.Id));
        Reads("sections");
    }
}
