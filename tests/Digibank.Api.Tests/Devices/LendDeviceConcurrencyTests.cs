using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using static Digibank.Api.Tests.Devices.LendingTestData;

namespace Digibank.Api.Tests.Devices;

public sealed class LendDeviceConcurrencyTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const int Counters = 10;

    [Fact]
    public async Task Of_many_staff_lending_the_same_device_at_once_exactly_one_succeeds()
    {
        var staff = Enumerable.Range(0, Counters).Select(_ => api.CreateStaffClient(StaffRole.Staff, Library)).ToList();
        foreach (var assetTag in new[] { "DBP-GSM-0001", "DBP-GSM-0002", "DBP-GSM-0003", "DBP-TAB-0002", "DBP-LAP-0001" })
        {
            var device = await api.DeviceAsync(assetTag);
            var borrowers = new List<int>();
            for (var i = 0; i < Counters; i++)
            {
                borrowers.Add(await api.NewBorrowerAsync($"Lener{i}"));
            }

            var payloads = await Task.WhenAll(borrowers.Select((borrower, i) =>
                staff[i].MutateAsync(LendDeviceMutation, new { deviceId = DeviceId(device.Id), participantId = ParticipantId(borrower) })));

            Assert.Single(payloads, payload => payload["loan"] is not null);
            Assert.All(payloads.Where(payload => payload["loan"] is null), payload =>
            {
                Assert.Equal(["DEVICE_NOT_AVAILABLE"], payload.ErrorCodes());
                Assert.Equal("ON_LOAN", (string?)payload["errors"]![0]!["status"]);
            });
            await using var db = api.CreateDbContext();
            Assert.Equal(1, await db.Loans.CountAsync(l => l.DeviceId == device.Id && l.ReturnedAt == null));
        }
    }
}
