using Digibank.Api.GraphQL.Relay;

namespace Digibank.Api.GraphQL.Mutations;

/// <summary>The input rule for a Relay global id, the form in which GraphQL's clients name things.</summary>
public static class GlobalIdInput
{
    /// <summary>A global id of <paramref name="nodeType"/>; 0 when it is not one.</summary>
    public static int Id(this InputRules rules, string field, string nodeType, string? globalId)
    {
        if (GlobalId.TryDecode(globalId, out var typeName, out var id) && typeName == nodeType)
        {
            return id;
        }

        rules.Invalid(field, $"`{{0}}` is not a {nodeType} id.");
        return 0;
    }
}
