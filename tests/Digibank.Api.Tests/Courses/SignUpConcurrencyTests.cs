using Digibank.Api.Tests.Storage;

namespace Digibank.Api.Tests.Courses;

public sealed class SignUpConcurrencyTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public Task Fifty_simultaneous_sign_ups_for_ten_seats_give_ten_seats_and_a_waiting_list_of_forty_in_order(int round) =>
        Races.FiftySignUpsForTenSeatsAsync([api], $"{round}");
}
