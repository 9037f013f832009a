using GraphQL;

namespace Digibank.Api.Notifications;

public sealed record MarkCalledInput([property: Id] string CallTaskId, [property: System.ComponentModel.Description("True when the person was reached and told.")] bool Reached);
