namespace Digibank.Api.Tests.Storage;

/// <summary>The races of <see cref="Races"/> on PostgreSQL under READ COMMITTED, where SQLite's single writer no longer serialises anything.</summary>
public sealed class PostgreSqlConcurrencyTests(PostgreSqlApiFactory api) : IClassFixture<PostgreSqlApiFactory>
{
    [PostgreSqlTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public Task Fifty_simultaneous_sign_ups_for_ten_seats_give_ten_seats_and_forty_waiting(int round) =>
        Races.FiftySignUpsForTenSeatsAsync([api], $"pg{round}");

    [PostgreSqlTheory]
    [InlineData("DBP-GSM-0001")]
    [InlineData("DBP-LAP-0001")]
    public Task Of_ten_staff_lending_one_device_at_once_exactly_one_succeeds(string assetTag) =>
        Races.TenStaffLendOneDeviceAsync([api], assetTag);
}

/// <summary>
/// The same races split across two API instances on one PostgreSQL database: each instance's in-process write
/// queue sees only half the writers, so only the database's row locks keep the seats and the device right.
/// </summary>
public sealed class TwoInstanceConcurrencyTests(TwoPostgreSqlInstances instances) : IClassFixture<TwoPostgreSqlInstances>
{
    [PostgreSqlTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public Task Fifty_sign_ups_for_ten_seats_through_two_instances_give_exactly_ten_seats(int round) =>
        Races.FiftySignUpsForTenSeatsAsync(instances.Both, $"two{round}");

    [PostgreSqlTheory]
    [InlineData("DBP-GSM-0001")]
    [InlineData("DBP-GSM-0002")]
    [InlineData("DBP-GSM-0003")]
    [InlineData("DBP-TAB-0002")]
    [InlineData("DBP-LAP-0001")]
    public Task Ten_staff_on_two_instances_lending_one_device_make_exactly_one_loan(string assetTag) =>
        Races.TenStaffLendOneDeviceAsync(instances.Both, assetTag);
}
