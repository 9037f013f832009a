using GraphQL.Types;

namespace Digibank.Api.GraphQL.Filtering;

public sealed class DateTimeOperationFilterInputType() : ComparableOperationFilterInputType<DateTimeGraphType>("DateTimeOperationFilterInput");
