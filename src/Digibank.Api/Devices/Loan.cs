using Digibank.Api.Participants;

namespace Digibank.Api.Devices;

/// <summary>A device lent to a participant (uitlening).</summary>
public sealed class Loan : IEntity
{
    public int Id { get; set; }

    /// <summary>The region (one Digibank) this belongs to: the region of the place where it happens.</summary>
    public int RegionId { get; set; }

    public int DeviceId { get; set; }

    public Device? Device { get; set; }

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public int HelpPointId { get; set; }

    public DateTime CheckedOutAt { get; set; }

    /// <summary>The staff member who handed the device over (their token's subject).</summary>
    public string? CheckedOutBy { get; set; }

    public DateTime DueAt { get; set; }

    public int Renewals { get; set; }

    public DateTime? ReturnedAt { get; set; }

    public DeviceCondition? ReturnedCondition { get; set; }

    public bool? AccessoriesComplete { get; set; }

    /// <summary>What was handed out with the device (a charger, a bag…), as the loan slip lists it.</summary>
    public List<LoanAccessory> Accessories { get; set; } = [];

    /// <summary>Which of <see cref="Accessories"/> came back with the device.</summary>
    public List<LoanAccessory> AccessoriesReturned { get; set; } = [];
}
