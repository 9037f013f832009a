using Digibank.Api.GraphQL.Transport;
using Digibank.Api.Staff;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Limits;

/// <summary>
/// Refuses an anonymous mutation document once its address has used its allowance, before anything runs.
/// A validation rule sees the parsed operation on every transport (HTTP and WebSocket) and for cached documents.
/// </summary>
public sealed class AnonymousMutationRateRule : ValidationRuleBase, IOperationRule
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Mutation
            || StaffUser.From(context.User) is not null
            || !context.UserContext.TryGetValue(RateLimits.ClientAddressKey, out var address)
            || context.RequestServices?.GetService<AnonymousMutationLimiter>() is not { Enabled: true } limiter)
        {
            return default;
        }

        var count = CountResidentMutations(context, context.Operation.SelectionSet, []);
        if (count == 0)
        {
            return default;
        }

        var (granted, retryAfter) = limiter.TryTake((string)address!, count);
        if (!granted)
        {
            context.UserContext[RateLimits.RetryAfterKey] = retryAfter;
            context.ReportError(new ValidationError(
                $"Too many sign-ups, reservations or help requests from this address: at most {limiter.PermitLimit} every {limiter.Window.TotalMinutes:0.#} minutes. " +
                "Try again later, or ask at a help point.")
            {
                Code = ErrorCodes.RateLimited,
            });
        }

        return default;
    }

    /// <summary>Root fields, also those inside fragments, so a fragment cannot hide a hundred sign-ups.</summary>
    private static int CountResidentMutations(ValidationContext context, GraphQLSelectionSet selectionSet, HashSet<string> visitedFragments) =>
        selectionSet.Selections.Sum(selection => selection switch
        {
            GraphQLField field => RateLimits.ResidentMutations.Contains(field.Name.StringValue) ? 1 : 0,
            GraphQLInlineFragment inline => CountResidentMutations(context, inline.SelectionSet, visitedFragments),
            GraphQLFragmentSpread spread when visitedFragments.Add(spread.FragmentName.Name.StringValue)
                && context.Document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment => CountResidentMutations(context, fragment.SelectionSet, visitedFragments),
            _ => 0,
        });
}
