namespace Digibank.Api.GraphQL.Mutations;

/// <summary>
/// A mutation result of several fields: a record whose properties (nullable, with their <c>[Description]</c>s)
/// are the payload's fields. A mutation that returns one entity needs none: its payload has one field, named
/// after the entity's type (<c>loan</c> for a <c>Loan</c>).
/// </summary>
public abstract record Payload;
