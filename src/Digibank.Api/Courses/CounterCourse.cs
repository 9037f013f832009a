namespace Digibank.Api.Courses;

/// <summary>A course open for sign-ups as the counter lists it: when, where, and how many seats are taken and waiting.</summary>
public sealed record CounterCourse(
    int Id, string Title, DateTime? StartsAt, int? HelpPointId, string? VenueName, string Town, int Capacity, SeatCounts Seats)
{
    public bool HasSeat => Seats.Taken < Capacity;
}
