namespace Digibank.Api.HelpPoints;

/// <summary>A time a help point is closed although its weekly hours say open: a summer closure, a day off, one evening.</summary>
public sealed class Closure : IEntity
{
    public int Id { get; set; }

    public int HelpPointId { get; set; }

    public DateTime StartsAt { get; set; }

    /// <summary>The closure ends just before it.</summary>
    public DateTime EndsAt { get; set; }

    public required string Reason { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }
}
