namespace Digibank.Api.Participants;

/// <summary>A person of the region as the counter shows them: only what staff need to recognise and reach them.</summary>
public sealed record CounterPerson(int Id, string FirstName, int MunicipalityId, string Town, string? Email, string? Phone, TargetGroup TargetGroup, DateTime CreatedAt)
{
    /// <summary>How to reach the person, or null for someone registered without e-mail or phone.</summary>
    public string? Contact => Email ?? Phone;
}
