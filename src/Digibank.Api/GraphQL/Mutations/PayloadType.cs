using System.ComponentModel;
using System.Reflection;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Mutations;

/// <summary>
/// A mutation's payload type <c>{Mutation}Payload</c>: <c>errors</c> first, a list of the typed errors this
/// mutation can return (a union named after the mutation, as in HotChocolate's mutation conventions), then
/// the result's fields.
/// </summary>
public sealed class PayloadType<TResult> : ObjectGraphType<MutationPayload<TResult>>
    where TResult : class
{
    public PayloadType(string mutationName, string description, IEnumerable<Type> errorTypes)
    {
        var typeName = char.ToUpperInvariant(mutationName[0]) + mutationName[1..];
        Name = $"{typeName}Payload";
        Description = description;
        var errors = new UnionGraphType { Name = $"{typeName}Error", Description = $"What can go wrong in `{mutationName}`." };
        foreach (var errorType in errorTypes.Concat([typeof(InvalidInputError), typeof(NotFoundError), typeof(NotAllowedError)]).Distinct())
        {
            errors.Type(typeof(UserErrorType<>).MakeGenericType(errorType));
        }

        Field("errors", new NonNullGraphType(new ListGraphType(new NonNullGraphType(errors))))
            .Description("Empty when the mutation succeeded; otherwise why not, and nothing was changed.")
            .Resolve(context => context.Source.Errors);
        if (!typeof(TResult).IsAssignableTo(typeof(Payload)))
        {
            Field(typeof(TResult).Name, typeof(GraphQLClrOutputTypeReference<TResult>)).Resolve(context => context.Source.Result);
            return;
        }

        foreach (var property in typeof(TResult).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Field(property.Name, new TypeInformation(property, isInput: false).ConstructGraphType())
                .Description(property.GetCustomAttribute<DescriptionAttribute>()?.Description)
                .Resolve(context => context.Source.Result is { } result ? property.GetValue(result) : null);
        }
    }
}
