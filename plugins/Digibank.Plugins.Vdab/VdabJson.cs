using System.Text.Json;
using System.Text.Json.Serialization;

namespace Digibank.Plugins.Vdab;

// The shape of VDAB's training catalogue export and of the sign-up files, as System.Text.Json reads and writes them.
// Every field is optional here: what is missing is judged per record, so one bad training does not sink the file.

internal sealed record VdabOpleiding
{
    public string? OpleidingsId { get; init; }
    public string? Titel { get; init; }
    public string? Omschrijving { get; init; }
    public List<string>? Themas { get; init; }
    public List<string>? Doelgroepen { get; init; }
    public string? Niveau { get; init; }
    public string? Taal { get; init; }
    public string? DigibankHulppunt { get; init; }
    public VdabLeslocatie? Leslocatie { get; init; }
    public int? Capaciteit { get; init; }
    public VdabPrijs? Prijs { get; init; }
    public string? InschrijvenTot { get; init; }
    public string? Status { get; init; }
    public VdabToegankelijkheid? Toegankelijkheid { get; init; }
    public List<VdabSessie>? Sessies { get; init; }
}

internal sealed record VdabLeslocatie
{
    public string? Naam { get; init; }
    public string? Straat { get; init; }
    public string? Postcode { get; init; }
    public string? Gemeente { get; init; }
}

internal sealed record VdabPrijs
{
    public decimal? Bedrag { get; init; }
    public decimal? VerminderdBedrag { get; init; }
    public string? Munt { get; init; }
}

internal sealed record VdabToegankelijkheid
{
    public bool? Rolstoeltoegankelijk { get; init; }
    public string? Opmerkingen { get; init; }
}

// Times are strings: a time without an offset is Belgian time, which DateTimeOffset would read as the machine's.
internal sealed record VdabSessie
{
    public string? Start { get; init; }
    public string? Einde { get; init; }
    public string? Lokaal { get; init; }
}

internal sealed record VdabInschrijving
{
    public string? InschrijvingsId { get; init; }
    public string? OpleidingsId { get; init; }
    public string? Voornaam { get; init; }
    public string? Email { get; init; }
    public string? Telefoon { get; init; }
    public string? Woonplaats { get; init; }
    public string? Doelgroep { get; init; }
    public string? Status { get; init; }
}

/// <summary>One line of the outbox VDAB imports.</summary>
internal sealed record DigibankInschrijving
{
    public required string DigibankId { get; init; }
    public required string OpleidingsId { get; init; }
    public required string Status { get; init; }
    public int? WachtlijstPositie { get; init; }
    public string? Voornaam { get; init; }
    public string? Email { get; init; }
    public string? Telefoon { get; init; }
    public required DateTimeOffset GewijzigdOp { get; init; }
}

// Source-generated, so the plug-in leaves no reflection caches in the host's shared serializer state and can be unloaded.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(VdabOpleiding))]
[JsonSerializable(typeof(VdabInschrijving))]
[JsonSerializable(typeof(List<DigibankInschrijving>))]
internal sealed partial class VdabJsonContext : JsonSerializerContext;
