using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpPoints;
using Digibank.Api.Participants;
using GraphQL.Types;

namespace Digibank.Api.Devices;

public sealed class LoanType : ObjectGraphType<Loan>
{
    public const string TypeName = "Loan";

    public LoanType()
    {
        Name = TypeName;
        Description = "A device lent to a resident (uitlening). Only for staff of the help point and the coordinator.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(context => GlobalId.Encode(TypeName, context.Source.Id));
        Field<NonNullGraphType<DeviceType>>("device").Resolve(context => context.LoadDevice(context.Source.DeviceId));
        Field<NonNullGraphType<HelpPointType>>("helpPoint").Description("Where the device was lent and goes back to.")
            .Resolve(context => context.LoadHelpPoint(context.Source.HelpPointId));
        Field(l => l.CheckedOutAt);
        Field(l => l.DueAt);
        Field(l => l.Renewals).Description("How often the loan was renewed.");
        Field(l => l.ReturnedAt, nullable: true).Description("Null while the device is out.");
        Field(l => l.ReturnedCondition, type: typeof(EnumerationGraphType<DeviceCondition>)).Description("The state the device came back in.");
        Field(l => l.AccessoriesComplete, nullable: true).Description("Whether everything handed out with the device came back.");
        Field(l => l.Accessories, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<LoanAccessory>>>>))
            .Description("What was handed out with the device.");
        Field(l => l.AccessoriesReturned, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<LoanAccessory>>>>))
            .Description("Which of the accessories came back; empty while the device is out.");
        Field<NonNullGraphType<BooleanGraphType>>("isOverdue")
            .Description("Still out after its due date.")
            .Resolve(context => context.Source.IsOverdueAt(context.UtcNow()));
        Field<ParticipantType>("participant")
            .Description("Who borrowed the device. Only for staff of the loan's help point and the coordinator.")
            .Resolve(context => context.LoadParticipantFor(context.Source.HelpPointId, context.Source.RegionId, context.Source.ParticipantId));
    }
}
