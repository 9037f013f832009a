namespace Digibank.Api.HelpRequests;

/// <summary>A request with its topic, town, person and digibuddy read in, and what the caller can do with it now.</summary>
public sealed record CounterHelpDetail(HelpRequest Request, IReadOnlyList<CounterHelpMatch> Matches, bool CanAssign, HomeVisitWeek? Week, bool CanResolve);
