using Digibank.Api.GraphQL.Sorting;
using Digibank.Api.Municipalities;
using Digibank.Api.Partners;

namespace Digibank.Api.Courses;

public sealed class CourseSortInputType : SortInputType<Course>
{
    public CourseSortInputType()
        : base("CourseSortInput", "Sort order for courses.")
    {
        By("title", c => c.Title);
        By("startsAt", c => c.StartsAt);
        By("signUpDeadline", c => c.SignUpDeadline);
        By("price", c => c.PriceCents);
        By("capacity", c => c.Capacity);
        By("seatsLeft", c => c.Capacity - c.SignUps.Count(s => SignUp.SeatTakingStatuses.Contains(s.Status)));
        By("status", c => c.Status);
        Object<PartnerSortInputType, Partner>("partner", c => c.Partner);
        Object<MunicipalitySortInputType, Municipality>("municipality", c => c.Municipality);
    }
}
