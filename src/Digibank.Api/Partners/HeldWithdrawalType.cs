using GraphQL.Types;

namespace Digibank.Api.Partners;

public sealed class HeldWithdrawalType : ObjectGraphType<WithdrawalHold>
{
    public HeldWithdrawalType()
    {
        Name = "HeldWithdrawal";
        Description = "Courses a partner's snapshot would withdraw, held back because they are most of the partner's offer; " +
            "`confirmPartnerWithdrawal` withdraws them, a later snapshot that lists them again clears it.";
        Field(h => h.HeldAt).Description("When a snapshot first asked to withdraw these courses.");
        Field(h => h.CoursesToWithdraw).Description("The courses the latest held snapshot would withdraw.");
        Field(h => h.ActiveCourses).Description("The partner's active (not withdrawn) courses before that snapshot.");
        Field(h => h.Reason).Description("Why it was held, as the partner was told.");
    }
}
