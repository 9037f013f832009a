using GraphQL.Types;

namespace Digibank.Api.HelpRequests;

public sealed class HomeVisitSlotType : ObjectGraphType<HomeVisitSlot>
{
    public HomeVisitSlotType()
    {
        Name = "HomeVisitSlot";
        Description = "When the mobile team comes to the resident's home (UTC).";
        Field(s => s.StartsAt);
        Field(s => s.EndsAt);
    }
}
