using System.ComponentModel;

namespace Digibank.Api.Regions;

/// <summary>A town a new region brings with it.</summary>
public sealed record NewMunicipality(
    [property: Description("The town's name, e.g. Heuvelland; no town of any region may have it yet.")] string Name,
    [property: Description("Its main postal code, e.g. 8950.")] string PostalCode,
    [property: Description("The town centre's latitude, for courses \"within 15 km\".")] double Latitude,
    [property: Description("The town centre's longitude.")] double Longitude);
