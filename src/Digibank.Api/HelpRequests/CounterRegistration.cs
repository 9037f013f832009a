namespace Digibank.Api.HelpRequests;

/// <summary>The registered request's id, or why it was not registered.</summary>
public sealed record CounterRegistration(int? HelpRequestId, IReadOnlyList<UserError> Errors);
