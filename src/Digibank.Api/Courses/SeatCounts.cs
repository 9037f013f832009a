namespace Digibank.Api.Courses;

/// <summary>Seats taken (confirmed, attended, no-show) and places on the waiting list of one course.</summary>
public sealed record SeatCounts(int Taken, int Waiting)
{
    public static readonly SeatCounts None = new(0, 0);
}
