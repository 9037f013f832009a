using GraphQL.Types;

namespace Digibank.Api.GraphQL.Filtering;

public sealed class IntOperationFilterInputType() : ComparableOperationFilterInputType<IntGraphType>("IntOperationFilterInput");
