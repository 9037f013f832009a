using GraphQL.Types;

namespace Digibank.Api.HelpRequests;

public static class HelpRequestMutations
{
    public static void AddHelpRequestMutations(this ObjectGraphType mutation)
    {
    }

    public static void AddHelpRequestQueries(this ObjectGraphType query)
    {
    }
}
