namespace Digibank.Api.Partners;

/// <summary>One course a held snapshot would withdraw. A large partner has tens of thousands: a row each, not a list in a column.</summary>
public sealed class HeldCourse
{
    public int WithdrawalHoldId { get; set; }

    public int CourseId { get; set; }
}
