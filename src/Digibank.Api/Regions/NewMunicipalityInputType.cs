using GraphQL.Types;

namespace Digibank.Api.Regions;

/// <summary>The input type of a town in <c>createRegion</c>, generated from its record like every mutation's input.</summary>
public sealed class NewMunicipalityInputType : AutoRegisteringInputObjectGraphType<NewMunicipality>
{
    public NewMunicipalityInputType() => Name = "NewMunicipalityInput";
}
