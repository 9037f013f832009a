using Digibank.Api.GraphQL.DataLoading;
using Digibank.Api.GraphQL.Ide;
using Digibank.Api.GraphQL.Limits;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.GraphQL.Transport;
using Digibank.Api.GraphQL.TrustedDocuments;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Digibank.Api.GraphQL;

public static class GraphQLSetup
{
    public const string Path = "/graphql";

    /// <summary>GraphQL over HTTP and WebSocket for <typeparamref name="TSchema"/>, whose graph types are found in its assembly.</summary>
    public static WebApplicationBuilder AddDigibankGraphQL<TSchema>(this WebApplicationBuilder builder)
        where TSchema : Schema
    {
        builder.Services.Configure<GraphQLTransportOptions>(builder.Configuration.GetSection(GraphQLTransportOptions.Section));
        builder.Services.AddSingleton<GraphQLHttpEndpoint>();
        builder.Services.AddSingleton<GraphQLWebSocketEndpoint>();
        builder.Services.Configure<TrustedDocumentOptions>(builder.Configuration.GetSection(TrustedDocumentOptions.Section));
        builder.Services.AddSingleton<TrustedDocumentStore>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TrustedDocumentStore>());
        builder.Services.AddSingleton<TrustedDocumentValidator>();
        builder.Services.AddSingleton<PublicCaching>();
        builder.Services.AddSingleton<PipeWritingSerializer>();
        builder.Services.AddSingleton<DocumentIds>();
        builder.Services.AddSingleton<SharedSubscriptions>();
        builder.Services.AddSingleton<ActiveSubscriptions>();
        builder.Services.AddScoped<DataLoaderRegistry>();
        // The graph types that mutations generate from their records.
        builder.Services.AddTransient(typeof(InputType<>));
        builder.Services.AddTransient(typeof(UserErrorType<>));
        builder.AddRateLimits();
        builder.Services.AddSingleton<SqlStatementBudget>();
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<SqlStatementBudget>());
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<TSchema>()
            .AddGraphTypes(typeof(TSchema).Assembly)
            .AddClrTypeMappings(typeof(TSchema).Assembly)
            .AddSystemTextJson()
            .AddSerializer(services => services.GetRequiredService<PipeWritingSerializer>())
            .AddErrorInfoProvider(errors =>
            {
                errors.ExposeExceptionDetails = false;
                errors.ExposeCodes = false;
                errors.ExposeData = false;
            })
            .AddComplexityAnalyzer(complexity =>
            {
                complexity.MaxDepth = QueryLimits.MaxDepth;
                complexity.MaxComplexity = QueryLimits.MaxComplexity;
            })
            .AddExecutionStrategy<PlannedSerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddValidationRule<HttpOperationRule>(useForCachedDocuments: true)
            .AddValidationRule<AnonymousMutationRateRule>(useForCachedDocuments: true)
            .ConfigureExecution<RegionScopedExecution>()
            .ConfigureExecution<TrustedDocumentResolution>()
            .ConfigureExecution<DocumentCache>()
            .ConfigureExecution<SqlStatementBudget>()
            .WithTimeout(QueryLimits.Timeout)
            .AddUnhandledExceptionHandler(context =>
            {
                context.ExecutionOptions.RequestServices?.GetService<ILogger<TSchema>>()
                    ?.LogError(context.OriginalException, "Unhandled error while executing a GraphQL request");
                // The client learns that something failed, never how: no type names, no stack traces.
                context.Exception = new InternalServerErrorException();
                context.ErrorMessage = "Something went wrong on our side. Please try again later.";
            }));
        // Registered after GraphQL.NET's own parser, so this one is used.
        builder.Services.AddSingleton<IDocumentBuilder, DepthLimitedDocumentBuilder>();
        builder.Services.AddSingleton<IDocumentValidator, ReusedValidation>();
        return builder;
    }

    /// <summary>
    /// GraphQL at <see cref="Path"/>: HTTP (GET, POST) and WebSocket (GET, or CONNECT over HTTP/2); a browser that opens
    /// the address gets GraphiQL.
    /// </summary>
    public static IEndpointConventionBuilder MapDigibankGraphQL(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseRateLimiter();
        app.MapGraphiQLAssets();
        // Every method reaches the endpoint, so a PUT or DELETE gets a GraphQL error with a code, not an empty 405.
        return app.Map(Path, (HttpContext http, GraphQLHttpEndpoint endpoint, GraphQLWebSocketEndpoint webSocket) =>
                http.WebSockets.IsWebSocketRequest ? webSocket.HandleAsync(http)
                : GraphiQLPage.IsBrowserNavigation(http.Request) ? GraphiQLPage.WriteAsync(http)
                : endpoint.HandleAsync(http))
            .RequireRateLimiting(RateLimits.RequestPolicy);
    }
}

internal sealed class InternalServerErrorException : Exception;
