namespace Digibank.Api.Municipalities;

public sealed class MunicipalitySection : IEntity
{
    public int Id { get; set; }

    public int MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public required string Name { get; set; }

    public required string PostalCode { get; set; }
}
