using GraphQL.Validation;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// Refuses operations a plain HTTP request cannot carry: mutations and subscriptions sent with GET,
/// which caches and link prefetchers may repeat, and subscriptions sent with POST, which need a socket.
/// </summary>
public sealed class HttpOperationRule : ValidationRuleBase, IOperationRule
{
    public const string UserContextKey = "digibank.httpMethod";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (!context.UserContext.TryGetValue(UserContextKey, out var method))
        {
            return default;
        }

        var operation = context.Operation.Operation;
        if (HttpMethods.IsGet((string)method!) && operation != OperationType.Query)
        {
            context.ReportError(new ValidationError($"A {operation.ToString().ToLowerInvariant()} must be sent with POST.")
            {
                Code = ErrorCodes.MethodNotAllowed,
            });
        }
        else if (operation == OperationType.Subscription)
        {
            context.ReportError(new ValidationError("Subscriptions are served over a WebSocket at this address (subprotocol graphql-transport-ws).")
            {
                Code = ErrorCodes.SubscriptionNeedsWebSocket,
            });
        }

        return default;
    }
}
