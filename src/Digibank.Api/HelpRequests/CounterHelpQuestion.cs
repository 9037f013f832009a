namespace Digibank.Api.HelpRequests;

/// <summary>A question registered at a help point for the person at the counter; e-mail and phone are optional there.</summary>
public sealed record CounterHelpQuestion(
    int TopicId,
    HelpRequestUrgency Urgency,
    HelpRequestChannel Channel,
    int HelpPointId,
    string? FirstName,
    string? Email,
    string? Phone,
    int MunicipalityId,
    TargetGroup TargetGroup,
    bool Consent);
