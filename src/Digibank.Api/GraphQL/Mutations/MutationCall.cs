using Digibank.Api.Data;
using Digibank.Api.Staff;
using GraphQL;

namespace Digibank.Api.GraphQL.Mutations;

/// <summary>
/// One call of a mutation: its input, who calls, the request's clock and the checks on the input; from
/// <see cref="BeginAsync"/> on, the database inside the mutation's one transaction.
/// </summary>
public sealed class MutationCall<TInput>(IResolveFieldContext context) : IAsyncDisposable
{
    private StoreWork? _work;
    private List<Action>? _afterCommit;

    public TInput Input { get; } = context.GetArgument<TInput>("input");

    /// <summary>The caller when signed in, as staff or as a digibuddy (who may act for no help point); null for a resident.</summary>
    public StaffUser? Staff { get; } = context.StaffOrDigibuddy();

    public DateTime Now { get; } = context.UtcNow();

    public CancellationToken Cancellation => context.CancellationToken;

    public InputRules Rules { get; } = new();

    /// <summary>Runs <paramref name="action"/> once the mutation's transaction has committed, and not at all if it does not.</summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    /// <summary>A service of the request, for the few mutations that need more than the database.</summary>
    public T Service<T>()
        where T : notnull => context.RequestServices!.GetRequiredService<T>();

    public void Deconstruct(out TInput input, out DateTime now, out CancellationToken cancellationToken) =>
        (input, now, cancellationToken) = (Input, Now, context.CancellationToken);

    /// <summary>
    /// Ends the checks on the input: when one failed, the mutation stops here and returns their errors.
    /// Otherwise begins the <see cref="StoreWork"/>, committed when the mutation returns its result and rolled back
    /// when it returns an error, so a failed mutation leaves nothing behind.
    /// </summary>
    public async Task<DigibankDbContext> BeginAsync()
    {
        if (Rules.Failed)
        {
            throw new InputRejectedException();
        }

        _work = await StoreWork.BeginAsync(context.RequestServices!, context.CancellationToken);
        return _work.Db;
    }

    /// <summary>Runs the mutation's code and turns what it returns into the payload.</summary>
    public async Task<MutationPayload<TResult>> RunAsync<TResult>(Func<MutationCall<TInput>, Task<Result<TResult>>> mutation)
        where TResult : class
    {
        try
        {
            var (result, error) = await mutation(this);
            if (Rules.Failed || error is not null)
            {
                return new(null, Rules.Failed ? Rules.Errors : [error!]);
            }

            if (_work is not null)
            {
                await _work.CommitAsync(context.CancellationToken);
            }

            foreach (var action in _afterCommit ?? [])
            {
                action();
            }

            return new(result, []);
        }
        catch (InputRejectedException)
        {
            return new(null, Rules.Errors);
        }
    }

    public ValueTask DisposeAsync() => _work?.DisposeAsync() ?? ValueTask.CompletedTask;

    private sealed class InputRejectedException : Exception;
}
