using System.ComponentModel;

namespace Digibank.Api.Regions;

[Description("Another region has this code already.")]
public sealed record RegionCodeTakenError(string Message) : UserError(Message, "REGION_CODE_TAKEN");

[Description("A town of the input belongs to a region already: a town is in exactly one region.")]
public sealed record MunicipalityInRegionError(
    string Message,
    [property: Description("The town, as the input named it.")] string Municipality) : UserError(Message, "MUNICIPALITY_IN_REGION");
