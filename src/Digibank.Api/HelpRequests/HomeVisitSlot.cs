namespace Digibank.Api.HelpRequests;

public sealed record HomeVisitSlot(DateTime StartsAt, DateTime EndsAt);
