using System.ComponentModel;
using System.Reflection;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Mutations;

/// <summary>
/// An expected failure of a mutation (a full course, a device already lent…). It comes back in the
/// payload's <c>errors</c> list as a typed object, not as a GraphQL error, and the change is rolled back.
/// A record per kind: its name is the type's name, its <c>[Description]</c> the type's description.
/// </summary>
public abstract record UserError(string Message, string Code);

[Description("A value in the input is not acceptable.")]
public sealed record InvalidInputError([property: Description("The input field, e.g. `firstName`.")] string Field, string Message)
    : UserError(Message, "INVALID_INPUT");

[Description("An id names nothing you can see.")]
public sealed record NotFoundError(string Message) : UserError(Message, "NOT_FOUND");

[Description("You may not do this here.")]
public sealed record NotAllowedError(string Message) : UserError(Message, "NOT_ALLOWED");

public sealed class ErrorInterface : InterfaceGraphType<UserError>
{
    public ErrorInterface()
    {
        Name = "Error";
        Description = "An expected failure of a mutation, returned in its payload.";
        Field(e => e.Message).Description("What went wrong, in plain language.");
        Field(e => e.Code).Description("A stable code to act on.");
    }
}

/// <summary>The graph type of one kind of user error, generated from its record.</summary>
public sealed class UserErrorType<TError> : AutoRegisteringObjectGraphType<TError>
    where TError : UserError
{
    public UserErrorType()
    {
        Interface<ErrorInterface>();
        IsTypeOf = value => value is TError;
    }

    // Properties only, message and code first as in the Error interface, then the ones the record adds.
    protected override IEnumerable<MemberInfo> GetRegisteredMembers() =>
        typeof(TError).GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.DeclaringType == typeof(UserError) ? 0 : 1);
}
