using Digibank.Api.Tests.Storage;

namespace Digibank.Api.Tests.Devices;

public sealed class LendDeviceConcurrencyTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Theory]
    [InlineData("DBP-GSM-0001")]
    [InlineData("DBP-GSM-0002")]
    [InlineData("DBP-GSM-0003")]
    [InlineData("DBP-TAB-0002")]
    [InlineData("DBP-LAP-0001")]
    public Task Of_many_staff_lending_the_same_device_at_once_exactly_one_succeeds(string assetTag) =>
        Races.TenStaffLendOneDeviceAsync([api], assetTag);
}
