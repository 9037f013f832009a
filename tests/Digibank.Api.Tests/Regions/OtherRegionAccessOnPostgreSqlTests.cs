using Digibank.Api.Tests.Storage;

namespace Digibank.Api.Tests.Regions;

/// <summary>The same on PostgreSQL, as a province's deployment of many regions runs.</summary>
public sealed class OtherRegionAccessOnPostgreSqlTests(PostgreSqlApiFactory api) : IClassFixture<PostgreSqlApiFactory>
{
    [PostgreSqlFact]
    public Task Every_field_mutation_and_subscription_refuses_staff_of_another_region_or_shows_them_nothing_of_its_people() =>
        OtherRegionAccess.Nothing_of_region_A_reaches_region_B_and_nothing_of_it_changes(api);
}
