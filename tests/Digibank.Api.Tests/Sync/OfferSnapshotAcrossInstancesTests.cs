using Digibank.Api.Tests.Storage;

namespace Digibank.Api.Tests.Sync;

/// <summary>
/// A partner's two snapshots sent at once to two API instances on one PostgreSQL database: each instance's own turns
/// see one of them, so only the lock both take in the database keeps them from running into each other.
/// </summary>
public sealed class OfferSnapshotAcrossInstancesTests(TwoPostgreSqlInstances instances) : IClassFixture<TwoPostgreSqlInstances>
{
    [PostgreSqlFact]
    public Task Two_snapshots_of_one_partner_sent_to_two_instances_are_applied_one_after_the_other() =>
        OfferSnapshotConcurrencyTests.TwoSnapshotsAtOnceAsync(instances.Both[0], instances.Both[1], "vdab", size: 3000);
}
