namespace Digibank.Api.Data.Outbox;

/// <summary>How far a consumer of the outbox has got: the sequence of the last event it handled.</summary>
public sealed class ConsumerPosition
{
    public required string Consumer { get; set; }

    public long Sequence { get; set; }

    public DateTime UpdatedAt { get; set; }
}
