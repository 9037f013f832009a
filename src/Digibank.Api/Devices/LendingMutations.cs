using GraphQL.Types;

namespace Digibank.Api.Devices;

public static class LendingMutations
{
    public static void AddLendingMutations(this ObjectGraphType mutation)
    {
    }

    public static void AddLendingQueries(this ObjectGraphType query)
    {
    }
}
