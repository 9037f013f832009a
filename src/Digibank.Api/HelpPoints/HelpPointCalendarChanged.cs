using Digibank.Api.Data.Outbox;

namespace Digibank.Api.HelpPoints;

/// <summary>A help point's closures changed: every instance reads the help points again.</summary>
public sealed record HelpPointCalendarChanged(int HelpPointId, DateTime At) : IDomainEvent;
