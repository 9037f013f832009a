using GraphQL.Types;

namespace Digibank.Api.GraphQL.Mutations;

/// <summary>
/// An expected failure of a mutation (a full course, a device already lent…). It comes back in the
/// payload's <c>errors</c> list as a typed object, not as a GraphQL error, and the change is rolled back.
/// </summary>
public abstract record UserError(string Message)
{
    public abstract string Code { get; }
}

/// <summary>A value the client sent is not acceptable: empty, too long, in the past, malformed.</summary>
public sealed record InvalidInputError(string Field, string Message) : UserError(Message)
{
    public override string Code => "INVALID_INPUT";
}

/// <summary>An id that names nothing, or nothing the caller may see.</summary>
public sealed record NotFoundError(string Message) : UserError(Message)
{
    public override string Code => "NOT_FOUND";
}

/// <summary>The caller is signed in but may not do this here, e.g. staff of another help point.</summary>
public sealed record NotAllowedError(string Message) : UserError(Message)
{
    public override string Code => "NOT_ALLOWED";
}

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

/// <summary>The graph type of one kind of user error: its message, its code and the fields its record adds.</summary>
public class UserErrorType<TError> : ObjectGraphType<TError>
    where TError : UserError
{
    public UserErrorType()
    {
        Name = typeof(TError).Name;
        Interface<ErrorInterface>();
        IsTypeOf = value => value is TError;
        Field(e => e.Message);
        Field(e => e.Code);
    }
}

public sealed class InvalidInputErrorType : UserErrorType<InvalidInputError>
{
    public InvalidInputErrorType()
    {
        Description = "A value in the input is not acceptable.";
        Field(e => e.Field).Description("The input field, e.g. `firstName`.");
    }
}

public sealed class NotFoundErrorType : UserErrorType<NotFoundError>
{
    public NotFoundErrorType() => Description = "An id names nothing you can see.";
}

public sealed class NotAllowedErrorType : UserErrorType<NotAllowedError>
{
    public NotAllowedErrorType() => Description = "You may not do this here.";
}
