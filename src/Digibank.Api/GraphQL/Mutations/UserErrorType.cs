using System.Reflection;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Mutations;

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
