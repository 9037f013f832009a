using GraphQL;

namespace Digibank.Api.HelpPoints;

public sealed record RemoveClosureInput([property: Id] string ClosureId);
