using System.ComponentModel;
using GraphQL;

namespace Digibank.Api.Observability;

public sealed record RetrySetAsideEventInput([property: Id, Description("The set-aside change, from `setAsideEvents`.")] string SetAsideEventId);
