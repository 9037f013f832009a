using GraphQL.Validation;

namespace Digibank.Api.GraphQL.Transport;

/// <summary>
/// A validation rule that decides from the operation and the request alone: its pre-node visitor reports what it
/// finds and returns none, so it can run without walking the document.
/// </summary>
public interface IOperationRule : IValidationRule;
