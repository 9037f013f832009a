namespace Digibank.Api.Devices;

/// <summary>A person's loans (with their devices), latest first, and their reservations.</summary>
public sealed record PersonLending(IReadOnlyList<Loan> Loans, IReadOnlyList<PersonReservation> Reservations)
{
    public static readonly PersonLending None = new([], []);
}
