using Digibank.Api.GraphQL.Relay;
using Digibank.Api.Municipalities;
using GraphQL.Types;

namespace Digibank.Api.Participants;

/// <summary>A resident's details. Only reachable through fields that check the caller's staff token.</summary>
public sealed class ParticipantType : ObjectGraphType<Participant>
{
    public const string TypeName = "Participant";

    public ParticipantType()
    {
        Name = TypeName;
        Description = "A resident taking part. Visible only to staff of the help points involved and to the coordinator.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field(p => p.FirstName, nullable: true).Description("Null once the person's data is erased.");
        Field(p => p.Email, nullable: true);
        Field(p => p.Phone, nullable: true);
        Field<NonNullGraphType<MunicipalityType>>("municipality").Resolve(context => context.LoadMunicipality(context.Source.MunicipalityId));
        Field(p => p.TargetGroup, type: typeof(NonNullGraphType<EnumerationGraphType<TargetGroup>>));
        Field<NonNullGraphType<BooleanGraphType>>("isErased").Resolve(context => context.Source.ErasedAt is not null);
    }
}
