using Digibank.Api.Data;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.GraphQL.Mutations;

public interface IPayload
{
    IReadOnlyList<UserError> Errors { get; }
}

/// <summary>
/// A mutation's payload type: its result fields plus <c>errors</c>, a list of the typed errors this
/// mutation can return (a union named after the mutation, as in HotChocolate's mutation conventions).
/// </summary>
public abstract class PayloadGraphType<TPayload> : ObjectGraphType<TPayload>
    where TPayload : IPayload
{
    protected PayloadGraphType(string mutationName, string description, params Type[] errorTypes)
    {
        Name = $"{mutationName}Payload";
        Description = description;
        var errors = new UnionGraphType { Name = $"{mutationName}Error", Description = $"What can go wrong in `{char.ToLowerInvariant(mutationName[0])}{mutationName[1..]}`." };
        foreach (var errorType in errorTypes.Append(typeof(InvalidInputErrorType)).Append(typeof(NotFoundErrorType)).Append(typeof(NotAllowedErrorType)).Distinct())
        {
            errors.Type(errorType);
        }

        AddField(new FieldType
        {
            Name = "errors",
            Description = "Empty when the mutation succeeded; otherwise why not, and nothing was changed.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(errors))),
            Resolver = new FuncFieldResolver<TPayload, IReadOnlyList<UserError>>(context => context.Source.Errors),
        });
    }
}

public static class MutationTransaction
{
    /// <summary>
    /// Runs a mutation in one transaction: committed when it returns no errors, rolled back otherwise,
    /// so a failed mutation leaves nothing behind. On SQLite the transaction starts IMMEDIATE, which
    /// makes concurrent writers queue up instead of both reading the same free seat; they queue in the
    /// <see cref="WriteQueue"/>, in order, rather than in SQLite's busy retries.
    /// </summary>
    public static async Task<TPayload> RunAsync<TPayload>(IResolveFieldContext context, Func<DigibankDbContext, CancellationToken, Task<TPayload>> mutation)
        where TPayload : IPayload
    {
        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
        using var turn = await context.RequestServices!.GetRequiredService<WriteQueue>().WaitAsync(context.CancellationToken);
        await using var db = await factory.CreateDbContextAsync(context.CancellationToken);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var payload = await mutation(db, context.CancellationToken);
        if (payload.Errors.Count == 0)
        {
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }

        return payload;
    }

    /// <summary>Adds a mutation field with one non-null <c>input</c> argument.</summary>
    public static void MutationField<TInputType, TInput, TPayloadType, TPayload>(
        this ObjectGraphType mutation,
        string name,
        string description,
        Func<IResolveFieldContext, TInput, Task<TPayload>> resolve)
        where TInputType : IInputObjectGraphType
        where TPayloadType : IObjectGraphType
        where TPayload : IPayload =>
        mutation.Field<NonNullGraphType<TPayloadType>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputType>>("input")
            .ResolveAsync(async context => await resolve(context, context.GetArgument<TInput>("input")));
}
