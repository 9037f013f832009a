namespace Digibank.Api.HelpRequests;

/// <summary>One choice of a counter form: what is stored, and what the person reads.</summary>
public sealed record CounterChoice(int Id, string Name);
