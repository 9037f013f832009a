using System.Security.Claims;
using Digibank.Api.GraphQL.Limits;
using GraphQL;
using GraphQL.Transport;

namespace Digibank.Api.GraphQL.Transport;

public static class GraphQLRequestExtensions
{
    /// <summary>What every transport hands the executer for one request: the document, its inputs, the caller and their services.</summary>
    public static ExecutionOptions ToExecutionOptions(this GraphQLRequest request, IServiceProvider services, ClaimsPrincipal user, CancellationToken cancellationToken = default) => new()
    {
        Query = request.Query,
        DocumentId = request.DocumentId,
        OperationName = request.OperationName,
        Variables = request.Variables,
        Extensions = request.Extensions,
        RequestServices = services,
        User = user,
        CancellationToken = cancellationToken,
    };

    /// <summary>The same, for a request a client sent: its address counts against the rate limits.</summary>
    public static ExecutionOptions ToExecutionOptions(this GraphQLRequest request, HttpContext http, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var options = request.ToExecutionOptions(http.RequestServices, user, cancellationToken);
        options.UserContext[RateLimits.ClientAddressKey] = RateLimits.AddressOf(http.Connection.RemoteIpAddress);
        return options;
    }
}
