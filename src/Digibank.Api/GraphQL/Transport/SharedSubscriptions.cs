using System.Collections.Concurrent;
using System.Reactive.Linq;
using System.Security.Claims;
using System.Text;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// Subscribers who send the same subscription with the same variables, as the same kind of caller,
/// share one execution per event: a dashboard watched by a thousand people resolves and serialises
/// each event once, not a thousand times. Different callers never share, so what a staff member
/// may see never reaches anyone else.
/// </summary>
public sealed class SharedSubscriptions(IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, IObservable<byte[]>> _running = new(StringComparer.Ordinal);

    public int Running => _running.Count;

    public static bool IsSubscription(GraphQLRequest request)
    {
        try
        {
            var document = Parser.Parse(request.Query);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var operation = request.OperationName is { Length: > 0 } name
                ? operations.FirstOrDefault(o => o.Name?.StringValue == name)
                : operations.Count == 1 ? operations[0] : null;
            return operation?.Operation == OperationType.Subscription;
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return false;
        }
    }

    /// <summary>The results of the subscription serialised to UTF-8 JSON, or the result that explains why it did not start.</summary>
    public async Task<(IObservable<byte[]>? Messages, ExecutionResult? Failed)> SubscribeAsync(GraphQLRequest request, string variablesJson, ClaimsPrincipal user)
    {
        var key = string.Join('\n', CallerKey(user), request.OperationName, variablesJson, request.Query);
        if (_running.TryGetValue(key, out var running))
        {
            return (running, null);
        }

        // The shared execution gets its own services, which live as long as it has subscribers.
        var scope = scopes.CreateScope();
        var result = await executer.ExecuteAsync(request.ToExecutionOptions(scope.ServiceProvider, user));
        if (!result.Executed || result.Streams is not { Count: > 0 } streams)
        {
            scope.Dispose();
            return (null, result);
        }

        var messages = streams.Values.First()
            .Select(next => Encoding.UTF8.GetBytes(serializer.Serialize(next)))
            .Finally(() =>
            {
                _running.TryRemove(key, out _);
                scope.Dispose();
            })
            .Publish()
            .RefCount();
        if (_running.TryAdd(key, messages))
        {
            return (messages, null);
        }

        // Another subscriber started the same one meanwhile; ours never ran, so only its services go.
        scope.Dispose();
        return (_running[key], null);
    }

    private static string CallerKey(ClaimsPrincipal user) =>
        StaffUser.From(user) is { } staff
            ? $"{staff.Role}:{staff.Subject}:{string.Join(',', staff.HelpPointIds.Order())}:{staff.DigibuddyId}"
            : "anonymous";
}
