using Digibank.Api.Data;
using Digibank.Api.Staff;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Digibank.Api.GraphQL.Mutations;

/// <summary>
/// One call of a mutation: its input, who calls, the request's clock and the checks on the input; from
/// <see cref="BeginAsync"/> on, the database inside the mutation's one transaction.
/// </summary>
public sealed class MutationCall<TInput>(IResolveFieldContext context) : IAsyncDisposable
{
    private MutationTransaction? _transaction;

    public TInput Input { get; } = context.GetArgument<TInput>("input");

    /// <summary>The caller when signed in as staff; null for a resident.</summary>
    public StaffUser? Staff { get; } = context.Staff();

    public DateTime Now { get; } = context.UtcNow();

    public InputRules Rules { get; } = new();

    public void Deconstruct(out TInput input, out DateTime now, out CancellationToken cancellationToken) =>
        (input, now, cancellationToken) = (Input, Now, context.CancellationToken);

    /// <summary>
    /// Ends the checks on the input: when one failed, the mutation stops here and returns their errors.
    /// Otherwise opens the transaction and returns the database to work in.
    /// </summary>
    public async Task<DigibankDbContext> BeginAsync()
    {
        if (Rules.Failed)
        {
            throw new InputRejectedException();
        }

        _transaction = await MutationTransaction.BeginAsync(context);
        return _transaction.Db;
    }

    /// <summary>Runs the mutation's code; commits when it returned its payload, changes nothing otherwise.</summary>
    public async Task<TPayload> RunAsync<TPayload>(Func<MutationCall<TInput>, Task<Result<TPayload>>> mutation)
        where TPayload : Payload
    {
        try
        {
            var (payload, error) = await mutation(this);
            if (Rules.Failed || error is not null || payload is null)
            {
                return Payload.Failed<TPayload>(Rules.Failed ? Rules.Errors : [error!]);
            }

            await (_transaction?.CommitAsync(context.CancellationToken) ?? Task.CompletedTask);
            return payload;
        }
        catch (InputRejectedException)
        {
            return Payload.Failed<TPayload>(Rules.Errors);
        }
    }

    public ValueTask DisposeAsync() => _transaction?.DisposeAsync() ?? ValueTask.CompletedTask;

    private sealed class InputRejectedException : Exception;
}

/// <summary>
/// A mutation's one transaction: committed when it returns its payload, rolled back otherwise, so a
/// failed mutation leaves nothing behind. On SQLite the transaction starts IMMEDIATE, which makes
/// concurrent writers queue up instead of both reading the same free seat; they queue in the
/// <see cref="WriteQueue"/>, in order, rather than in SQLite's busy retries.
/// </summary>
internal sealed class MutationTransaction(IDisposable turn, DigibankDbContext db, IDbContextTransaction transaction) : IAsyncDisposable
{
    public DigibankDbContext Db => db;

    public static async Task<MutationTransaction> BeginAsync(IResolveFieldContext context)
    {
        var factory = context.RequestServices!.GetRequiredService<IDbContextFactory<DigibankDbContext>>();
        var turn = await context.RequestServices!.GetRequiredService<WriteQueue>().WaitAsync(context.CancellationToken);
        try
        {
            var db = await factory.CreateDbContextAsync(context.CancellationToken);
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
            return new(turn, db, await db.Database.BeginTransactionAsync(context.CancellationToken));
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await db.DisposeAsync();
        turn.Dispose();
    }
}
