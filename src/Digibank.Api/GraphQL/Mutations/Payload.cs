using System.Reflection;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Mutations;

/// <summary>
/// What a mutation returns: a record whose primary constructor lists the result fields (all nullable,
/// null when the mutation failed), and the errors that say why nothing was changed.
/// </summary>
public abstract record Payload
{
    public IReadOnlyList<UserError> Errors { get; init; } = [];

    /// <summary>A <typeparamref name="TPayload"/> without results, carrying <paramref name="errors"/>.</summary>
    public static TPayload Failed<TPayload>(IReadOnlyList<UserError> errors)
        where TPayload : Payload =>
        (TPayload)(Empty<TPayload>.Value with { Errors = errors });

    private static class Empty<TPayload>
        where TPayload : Payload
    {
        private static readonly ConstructorInfo Constructor = typeof(TPayload).GetConstructors().Single();

        public static readonly Payload Value = (Payload)Constructor.Invoke(new object?[Constructor.GetParameters().Length]);
    }
}

/// <summary>What a mutation's code returns: its payload, or the error that made it change nothing.</summary>
public readonly record struct Result<TPayload>(TPayload? Payload, UserError? Error)
    where TPayload : Payload
{
    public static implicit operator Result<TPayload>(TPayload payload) => new(payload, null);

    public static implicit operator Result<TPayload>(UserError error) => new(null, error);
}

/// <summary>
/// A mutation's payload type, generated from its record: <c>errors</c> first, a list of the typed errors
/// this mutation can return (a union named after the mutation, as in HotChocolate's mutation conventions),
/// then the record's properties with their descriptions and nullability.
/// </summary>
public sealed class PayloadType<TPayload> : ObjectGraphType<TPayload>
    where TPayload : Payload
{
    public PayloadType(string mutationName, IEnumerable<Type> errorTypes)
    {
        var typeName = char.ToUpperInvariant(mutationName[0]) + mutationName[1..];
        Name = $"{typeName}Payload";
        var errors = new UnionGraphType { Name = $"{typeName}Error", Description = $"What can go wrong in `{mutationName}`." };
        foreach (var errorType in errorTypes.Concat([typeof(InvalidInputError), typeof(NotFoundError), typeof(NotAllowedError)]).Distinct())
        {
            errors.Type(typeof(UserErrorType<>).MakeGenericType(errorType));
        }

        Field("errors", new NonNullGraphType(new ListGraphType(new NonNullGraphType(errors))))
            .Description("Empty when the mutation succeeded; otherwise why not, and nothing was changed.")
            .Resolve(context => context.Source.Errors);
        foreach (var field in new AutoRegisteringObjectGraphType<TPayload>(payload => payload.Errors).Fields)
        {
            AddField(field);
        }
    }
}
