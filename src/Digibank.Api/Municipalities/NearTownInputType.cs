using GraphQL.Types;

namespace Digibank.Api.Municipalities;

public sealed class NearTownInputType : InputObjectGraphType<NearTown>
{
    public NearTownInputType()
    {
        Name = "NearTownInput";
        Description = "A town and a distance from its centre, as the crow flies: \"within 15 km of Vleteren\". Towns across a region's border count too.";
        Field<NonNullGraphType<IdGraphType>>("municipalityId").Description("The town to measure from.");
        Field<NonNullGraphType<FloatGraphType>>("withinKm")
            .Description($"The distance in kilometres, more than 0 and at most {TownsNearby.MaxKm}; a town counts when its centre lies within it.");
    }
}
