using System.ComponentModel;
using GraphQL;

namespace Digibank.Api.Regions;

public sealed record NameRegionCoordinatorInput(
    [property: Id] string RegionId,
    [property: Description("The coordinator's name, as their token will carry it.")] string Name,
    [property: Description("Their work e-mail address.")] string Email);
