using GraphQL.Types;

namespace Digibank.Api.Dashboard;

public sealed class UnmetDemandType : ObjectGraphType<UnmetDemand>
{
    public UnmetDemandType()
    {
        Name = "UnmetDemand";
        Description = "Demand not met yet. Figures below the region's small-group threshold (5 unless set otherwise; 0 included) are null, and so is a part whose rest would be below it.";
        Field(d => d.WaitingListPlaces, nullable: true)
            .Description("Places on waiting lists of courses that are still on offer and have not started.");
        Field(d => d.PeopleWaitingForDevice, nullable: true)
            .Description("People in a queue for a device (reservations waiting), each person once.");
        Field(d => d.UnansweredHelpRequests, nullable: true)
            .Description("Help requests still open: no one has taken them on.");
        Field(d => d.UnansweredOlderThanAWeek, nullable: true)
            .Description("Of the open help requests, those asked more than 7 days ago. Null as well when the newer ones would be below the threshold.");
        Field(d => d.Suppressed).Description("True when any figure here is null because it is too small to show.");
    }
}
