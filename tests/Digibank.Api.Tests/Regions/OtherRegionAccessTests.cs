namespace Digibank.Api.Tests.Regions;

/// <summary>Region B's staff reach nothing of region A's people, on SQLite (the application's filters alone).</summary>
public sealed class OtherRegionAccessTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public Task Every_field_mutation_and_subscription_refuses_staff_of_another_region_or_shows_them_nothing_of_its_people() =>
        OtherRegionAccess.Nothing_of_region_A_reaches_region_B_and_nothing_of_it_changes(api);
}
