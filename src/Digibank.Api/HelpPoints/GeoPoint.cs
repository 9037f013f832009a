namespace Digibank.Api.HelpPoints;

public sealed record GeoPoint(double Latitude, double Longitude);
