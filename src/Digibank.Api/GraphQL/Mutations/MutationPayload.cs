namespace Digibank.Api.GraphQL.Mutations;

/// <summary>A mutation's payload: its result, or null and the errors that say why nothing was changed.</summary>
public sealed record MutationPayload<TResult>(TResult? Result, IReadOnlyList<UserError> Errors);
