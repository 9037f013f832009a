namespace Digibank.Api.Devices;

/// <summary>A new reservation, and the token to cancel it without an account (shown once, only its hash is kept).</summary>
public sealed record Reserved(Reservation Reservation, string CancellationToken);
