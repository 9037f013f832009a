using Digibank.Api.Municipalities;

namespace Digibank.Api.HelpRequests;

/// <summary>A volunteer who helps residents with digital questions, as in the project Kuj eki help'n.</summary>
public sealed class Digibuddy : IEntity
{
    public int Id { get; set; }

    public required string FirstName { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public List<Topic> Skills { get; set; } = [];

    /// <summary>Free text such as "dinsdagvoormiddag"; structured slots come with scheduling.</summary>
    public string? Availability { get; set; }

    public bool Active { get; set; } = true;
}
