using Digibank.Api.Staff;
using static Digibank.Api.Tests.Devices.LendingTestData;

namespace Digibank.Api.Tests.Devices;

/// <summary>
/// What goes with a loan, through the API as at the counter: the accessories handed out and those that came back, a due
/// date sooner than the loan period but never later, and a wipe checklist that must be complete.
/// </summary>
public sealed class LoanTermsTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string Lend = """
        mutation ($input: LendDeviceInput!) {
          lendDevice(input: $input) {
            loan { id dueAt accessories accessoriesReturned }
            errors { __typename ... on Error { code message } ... on InvalidInputError { field } }
          }
        }
        """;

    private const string Return = """
        mutation ($input: ReturnDeviceInput!) {
          returnDevice(input: $input) {
            loan { accessoriesComplete accessories accessoriesReturned }
            errors { __typename ... on Error { code message } ... on InvalidInputError { field } }
          }
        }
        """;

    private const string Wipe = """
        mutation ($input: MarkDeviceWipedInput!) {
          markDeviceWiped(input: $input) {
            device { status }
            errors { __typename ... on Error { code message } ... on WipeChecklistIncompleteError { stepsLeft } }
          }
        }
        """;

    [Fact]
    public async Task A_loan_lists_its_accessories_says_which_came_back_and_its_device_is_lent_again_only_after_every_step_of_the_wipe()
    {
        var tablet = await api.DeviceAsync("DBP-TAB-0015");
        var staff = api.CreateStaffClient(StaffRole.Staff, tablet.HomeHelpPoint!.Name);
        var borrower = ParticipantId(await api.NewBorrowerAsync("Rosa"));
        var now = DigibankApiFactory.Now.UtcDateTime;

        var tooLate = await staff.MutateAsync(Lend, new { deviceId = DeviceId(tablet.Id), participantId = borrower, dueAt = now.AddDays(40) });
        var lent = await staff.MutateAsync(Lend, new { deviceId = DeviceId(tablet.Id), participantId = borrower, accessories = new[] { "CASE", "CHARGER", "CHARGER" }, dueAt = now.AddDays(14) });
        var loanId = (string)lent["loan"]!["id"]!;
        var unsaid = await staff.MutateAsync(Return, new { loanId, condition = "GOOD" });
        var returned = await staff.MutateAsync(Return, new { loanId, condition = "GOOD", accessoriesReturned = new[] { "CHARGER", "MOUSE" } });
        var halfWiped = await staff.MutateAsync(Wipe, new { deviceId = DeviceId(tablet.Id), stepsDone = new[] { "FACTORY_RESET", "STARTS_UP" } });
        var wiped = await staff.MutateAsync(Wipe, new { deviceId = DeviceId(tablet.Id), stepsDone = new[] { "ACCOUNTS_SIGNED_OUT", "FILES_DELETED", "FACTORY_RESET", "STARTS_UP" } });

        Assert.Equal(["INVALID_INPUT"], tooLate.ErrorCodes());
        Assert.Equal("dueAt", (string?)tooLate["errors"]![0]!["field"]);
        Assert.Equal(now.AddDays(14), (DateTime)lent["loan"]!["dueAt"]!);
        Assert.Equal(["CHARGER", "CASE"], lent["loan"]!["accessories"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["INVALID_INPUT"], unsaid.ErrorCodes());
        Assert.False((bool)returned["loan"]!["accessoriesComplete"]!);
        Assert.Equal(["CHARGER"], returned["loan"]!["accessoriesReturned"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["WIPE_CHECKLIST_INCOMPLETE"], halfWiped.ErrorCodes());
        Assert.Equal(["ACCOUNTS_SIGNED_OUT", "FILES_DELETED"], halfWiped["errors"]![0]!["stepsLeft"]!.AsArray().Select(s => (string?)s));
        Assert.Empty(wiped["errors"]!.AsArray());
        Assert.Equal("AVAILABLE", (string?)wiped["device"]!["status"]);
    }
}
