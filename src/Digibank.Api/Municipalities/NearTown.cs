namespace Digibank.Api.Municipalities;

/// <summary>"Within 15 km of Vleteren": a town (its global id) and a distance from its centre, as the crow flies.</summary>
public sealed record NearTown(string MunicipalityId, double WithinKm);
