using System.ComponentModel;

namespace Digibank.Api.Vocabulary;

/// <summary>
/// An expected refusal of a feature service (a full course, a device already lent…). The change it refused is
/// rolled back; a GraphQL mutation returns it in its payload's <c>errors</c> list as a typed object, not as a
/// GraphQL error. A record per kind: its name is the type's name, its <c>[Description]</c> the type's description.
/// </summary>
public abstract record UserError(string Message, string Code);

[Description("A value in the input is not acceptable.")]
public sealed record InvalidInputError([property: Description("The input field, e.g. `firstName`.")] string Field, string Message)
    : UserError(Message, "INVALID_INPUT");

[Description("An id names nothing you can see.")]
public sealed record NotFoundError(string Message) : UserError(Message, "NOT_FOUND");

[Description("You may not do this here.")]
public sealed record NotAllowedError(string Message) : UserError(Message, "NOT_ALLOWED");

/// <summary>Sign-ups and reservations share their cancellation links, so they share the refusal of a wrong or expired one.</summary>
[Description("The cancellation token does not belong to this sign-up or reservation, or its link has expired.")]
public sealed record InvalidCancellationTokenError(string Message) : UserError(Message, "INVALID_CANCELLATION_TOKEN");
