using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Types;

namespace Digibank.Api.GraphQL.Mutations;

/// <summary>
/// Declares mutations by one convention: one non-null <c>input</c> generated from an input record, a
/// payload <c>{Name}Payload</c> generated from the result, and the typed errors the mutation can return
/// (besides invalid input, not found and not allowed, which any mutation can). The code that does
/// the work gets a <see cref="MutationCall{TInput}"/>: it checks the input, begins the transaction and
/// returns its result (an entity or a <see cref="Payload"/> record) or a <see cref="UserError"/>.
/// </summary>
public static class MutationFields
{
    /// <summary>A mutation anyone may call; <see cref="MutationCall{TInput}.Staff"/> tells whether staff do.</summary>
    public static void Mutation<TInput, TResult>(
        this ObjectGraphType mutation, string name, Func<MutationCall<TInput>, Task<Result<TResult>>> run, string description, string payload, params Type[] errors)
        where TResult : class =>
        mutation.Add(name, description, payload, errors, _ => run);

    /// <summary>
    /// A mutation for staff only: anyone else gets an <c>AUTH_NOT_AUTHENTICATED</c> error, and a digibuddy <c>NOT_ALLOWED</c>,
    /// before the input is read.
    /// </summary>
    public static void StaffMutation<TInput, TResult>(
        this ObjectGraphType mutation, string name, Func<MutationCall<TInput>, StaffUser, Task<Result<TResult>>> run, string description, string payload, params Type[] errors)
        where TResult : class =>
        mutation.Add<TInput, TResult>(name, description, payload, errors, context => context.RequireStaffOrDigibuddy() is { IsDigibuddy: false } staff
            ? call => run(call, staff)
            : _ => Task.FromResult<Result<TResult>>(new NotAllowedError(StaffAccess.OnlyAssignedRequests)));

    /// <summary>
    /// A mutation on the help requests that a digibuddy may call too: the feature service lets them act only on the
    /// requests assigned to them. Anyone without a token gets an <c>AUTH_NOT_AUTHENTICATED</c> error.
    /// </summary>
    public static void StaffOrDigibuddyMutation<TInput, TResult>(
        this ObjectGraphType mutation, string name, Func<MutationCall<TInput>, StaffUser, Task<Result<TResult>>> run, string description, string payload, params Type[] errors)
        where TResult : class =>
        mutation.Add<TInput, TResult>(name, description, payload, errors, context =>
        {
            var caller = context.RequireStaffOrDigibuddy();
            return call => run(call, caller);
        });

    private static void Add<TInput, TResult>(
        this ObjectGraphType mutation, string name, string description, string payload, Type[] errors,
        Func<IResolveFieldContext, Func<MutationCall<TInput>, Task<Result<TResult>>>> authorize)
        where TResult : class =>
        mutation.Field(name, new NonNullGraphType(new PayloadType<TResult>(name, payload, errors)))
            .Description(description)
            .Argument<NonNullGraphType<InputType<TInput>>>("input")
            .ResolveAsync(async context =>
            {
                var run = authorize(context);
                await using var call = new MutationCall<TInput>(context);
                return await call.RunAsync(run);
            });
}
