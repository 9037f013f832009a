using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// Validates as GraphQL.NET does, but remembers what a cached operation without variables came to. Such an
/// operation has the same argument values on every run, and <see cref="DocumentCache"/> leaves it only
/// <see cref="IOperationRule"/>s, which look at the request; so once it has passed them, later runs run those rules
/// on their own and reuse the parsed arguments, instead of walking the document twice per request.
/// </summary>
public sealed class ReusedValidation : IDocumentValidator
{
    private readonly DocumentValidator _validator = new();
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, IValidationResult> _known = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Operation.Variables is { Count: > 0 } || !OnlyOperationRules(options.Rules))
        {
            return _validator.ValidateAsync(options);
        }

        return _known.TryGetValue(options.Operation, out var known)
            ? RunOperationRulesAsync(options, known)
            : ValidateAndKeepAsync(options);
    }

    private async Task<IValidationResult> ValidateAndKeepAsync(ValidationOptions options)
    {
        var result = await _validator.ValidateAsync(options);
        if (result.IsValid)
        {
            // A copy: execution adds merged fields to its argument and directive values, and this run's execution is about to start.
            _known.AddOrUpdate(options.Operation, Copy(result));
        }

        return result;
    }

    private static async Task<IValidationResult> RunOperationRulesAsync(ValidationOptions options, IValidationResult known)
    {
        var context = new ValidationContext
        {
            Schema = options.Schema,
            Document = options.Document,
            Operation = options.Operation,
            UserContext = options.UserContext,
            User = options.User,
            RequestServices = options.RequestServices,
            Variables = options.Variables,
            Extensions = options.Extensions,
            Metrics = options.Metrics,
            CancellationToken = options.CancellationToken,
        };
        // Only called when OnlyOperationRules found rules, each of which reports without walking the document.
        foreach (var rule in options.Rules!)
        {
            await rule.GetPreNodeVisitorAsync(context);
        }

        return context.HasErrors ? new ValidationResult(context.Errors) : Copy(known);
    }

    private static bool OnlyOperationRules(IEnumerable<IValidationRule>? rules) =>
        rules is not null && rules.All(rule => rule is IOperationRule);

    private static ValidationResult Copy(IValidationResult result) => new()
    {
        Variables = result.Variables,
        ArgumentValues = result.ArgumentValues is null
            ? null
            : new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>(result.ArgumentValues),
        DirectiveValues = result.DirectiveValues is null
            ? null
            : new Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>(result.DirectiveValues),
    };
}
