namespace Digibank.Api.HelpRequests;

/// <summary>What the registration form offers: every topic, and the towns of the region.</summary>
public sealed record CounterHelpChoices(IReadOnlyList<CounterChoice> Topics, IReadOnlyList<CounterChoice> Towns);
