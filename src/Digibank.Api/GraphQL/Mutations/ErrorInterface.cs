using GraphQL.Types;

namespace Digibank.Api.GraphQL.Mutations;

public sealed class ErrorInterface : InterfaceGraphType<UserError>
{
    public ErrorInterface()
    {
        Name = "Error";
        Description = "An expected failure of a mutation, returned in its payload.";
        Field(e => e.Message).Description("What went wrong, in plain language.");
        Field(e => e.Code).Description("A stable code to act on.");
    }
}
