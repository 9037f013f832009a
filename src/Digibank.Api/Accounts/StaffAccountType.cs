using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.Accounts;

/// <summary>A colleague's account as their coordinator sees it: who, what they may do, and whether it is in use. Never a password or key.</summary>
public sealed class StaffAccountType : ObjectGraphType<StaffAccount>
{
    public const string TypeName = "StaffAccount";

    public StaffAccountType()
    {
        Name = TypeName;
        Description = "A person who works for the region at the counter (`/balie`): invited by the coordinator, signed in with their own password.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(a => a.Name);
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(context => context.Source.Email);
        Field<NonNullGraphType<EnumerationGraphType<StaffRole>>>("role").Resolve(context => context.Source.Role);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("helpPointIds")
            .Description("The help points a staff member works at.")
            .Resolve(context => context.Source.HelpPointIds.Select(id => GlobalId.Encode(HelpPointType.TypeName, id)));
        Field<IdGraphType>("digibuddyId").Description("The digibuddy the account signs in, for a digibuddy.")
            .Resolve(context => context.Source.DigibuddyId is { } id ? GlobalId.Encode(DigibuddyType.TypeName, id) : null);
        Field(a => a.InvitedAt);
        Field(a => a.ActivatedAt, nullable: true).Description("When the person chose their password; null while the invitation is open.");
        Field(a => a.DeactivatedAt, nullable: true).Description("When the account was stopped; from then on it signs in nobody.");
    }
}
