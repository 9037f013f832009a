using System.Reflection;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Mutations;

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
