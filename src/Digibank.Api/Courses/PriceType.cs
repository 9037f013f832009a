using GraphQL.Types;

namespace Digibank.Api.Courses;

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
