namespace Digibank.Api.Partners;

/// <summary>
/// The withdrawals of a partner's snapshot, held back because they would take most of the partner's
/// offer (or the snapshot listed nothing). At most one per partner: a coordinator confirms it, or a
/// later snapshot that is not held clears it.
/// </summary>
public sealed class WithdrawalHold : IEntity
{
    public int Id { get; set; }

    public int PartnerId { get; set; }

    public Partner? Partner { get; set; }

    /// <summary>The region whose courses the withdrawal would empty: the guard counts a partner's courses per region.</summary>
    public int RegionId { get; set; }

    /// <summary>When a snapshot first asked to withdraw these courses.</summary>
    public DateTime HeldAt { get; set; }

    /// <summary>The courses the latest held snapshot would withdraw.</summary>
    public int CoursesToWithdraw { get; set; }

    /// <summary>The partner's active (not withdrawn) courses before that snapshot.</summary>
    public int ActiveCourses { get; set; }

    public required string Reason { get; set; }

    public List<HeldCourse> Courses { get; set; } = [];
}
