namespace Digibank.Api.Courses;

public sealed record Price(decimal Amount, decimal? ReducedAmount, string Currency)
{
    public static Price Of(Course course) =>
        new(course.PriceCents / 100m, course.ReducedPriceCents / 100m, "EUR");
}
