using Digibank.Api.Devices;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;
using static Digibank.Api.Tests.Devices.LendingTestData;

namespace Digibank.Api.Tests.Devices;

public sealed class LoanLifecycleTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const string MobileTeam = "Mobiele digiploeg";

    [Fact]
    public async Task A_renewal_adds_one_loan_period_to_the_due_date()
    {
        var loan = await api.OpenLoanAsync("DBP-TAB-0001");

        var payload = await api.CreateStaffClient(StaffRole.Staff, Library).MutateAsync(RenewLoanMutation, new { loanId = LoanId(loan.Id) });

        Assert.Empty(payload["errors"]!.AsArray());
        Assert.Equal(loan.DueAt.AddDays(28), (DateTime)payload["loan"]!["dueAt"]!);
        Assert.Equal(1, (int)payload["loan"]!["renewals"]!);
    }

    [Fact]
    public async Task A_loan_is_renewed_no_more_often_than_its_rule_allows()
    {
        var loan = await api.OpenLoanAsync("DBP-LAP-0018");
        Assert.Equal(1, loan.Renewals);

        var payload = await api.CreateStaffClient(StaffRole.Staff, MobileTeam).MutateAsync(RenewLoanMutation, new { loanId = LoanId(loan.Id) });

        Assert.Equal(["RENEWAL_LIMIT_REACHED"], payload.ErrorCodes());
        Assert.Equal(1, (int)payload["errors"]![0]!["renewalsAllowed"]!);
        Assert.Equal(loan.DueAt, (await api.OpenLoanAsync("DBP-LAP-0018")).DueAt);
    }

    [Fact]
    public async Task A_loan_is_not_renewed_while_someone_waits_for_that_kind_at_that_point()
    {
        var loan = await api.OpenLoanAsync("DBP-GSM-0005");
        await api.QueueAsync(Bellewijk, DeviceKind.Smartphone);

        var payload = await api.CreateStaffClient(StaffRole.Staff, Bellewijk).MutateAsync(RenewLoanMutation, new { loanId = LoanId(loan.Id) });

        Assert.Equal(["WAITING_LIST"], payload.ErrorCodes());
        Assert.Equal(1, (int)payload["errors"]![0]!["waiting"]!);
        var after = await api.OpenLoanAsync("DBP-GSM-0005");
        Assert.Equal((loan.DueAt, 0), (after.DueAt, after.Renewals));
    }

    [Fact]
    public async Task A_returned_device_must_be_wiped_before_it_is_lent_again()
    {
        var loan = await api.OpenLoanAsync("DBP-LAP-0006");
        var bellewijk = api.CreateStaffClient(StaffRole.Staff, Bellewijk);
        var lendAgain = new { deviceId = DeviceId(loan.DeviceId), participantId = ParticipantId(await api.NewBorrowerAsync()) };

        var returned = await bellewijk.MutateAsync(ReturnDeviceMutation, new { loanId = LoanId(loan.Id), condition = "FAIR", accessoriesComplete = false });
        var lentUnwiped = await bellewijk.MutateAsync(LendDeviceMutation, lendAgain);
        var returnedTwice = await bellewijk.MutateAsync(ReturnDeviceMutation, new { loanId = LoanId(loan.Id), condition = "GOOD", accessoriesComplete = true });
        var renewedAfterReturn = await bellewijk.MutateAsync(RenewLoanMutation, new { loanId = LoanId(loan.Id) });
        var wiped = await bellewijk.MutateAsync(MarkDeviceWipedMutation, new { deviceId = DeviceId(loan.DeviceId) });
        var wipedTwice = await bellewijk.MutateAsync(MarkDeviceWipedMutation, new { deviceId = DeviceId(loan.DeviceId) });
        var lentWiped = await bellewijk.MutateAsync(LendDeviceMutation, lendAgain);

        Assert.Empty(returned["errors"]!.AsArray());
        Assert.Equal(DigibankApiFactory.Now.UtcDateTime, (DateTime)returned["loan"]!["returnedAt"]!);
        Assert.Equal("FAIR", (string?)returned["loan"]!["returnedCondition"]);
        Assert.False((bool)returned["loan"]!["accessoriesComplete"]!);
        Assert.False((bool)returned["loan"]!["isOverdue"]!);
        Assert.Equal("MAINTENANCE", (string?)returned["loan"]!["device"]!["status"]);
        Assert.Equal("FAIR", (string?)returned["loan"]!["device"]!["condition"]);
        Assert.Equal(["DEVICE_NOT_AVAILABLE"], lentUnwiped.ErrorCodes());
        Assert.Equal("MAINTENANCE", (string?)lentUnwiped["errors"]![0]!["status"]);
        Assert.Equal(["LOAN_ALREADY_RETURNED"], returnedTwice.ErrorCodes());
        Assert.Equal(["LOAN_ALREADY_RETURNED"], renewedAfterReturn.ErrorCodes());
        Assert.Equal("AVAILABLE", (string?)wiped["device"]!["status"]);
        Assert.Equal(["DEVICE_NOT_IN_MAINTENANCE"], wipedTwice.ErrorCodes());
        Assert.Equal("AVAILABLE", (string?)wipedTwice["errors"]![0]!["status"]);
        Assert.Empty(lentWiped["errors"]!.AsArray());
        await using var db = api.CreateDbContext();
        var closed = await db.Loans.SingleAsync(l => l.Id == loan.Id);
        Assert.Equal((DeviceCondition?)DeviceCondition.Fair, closed.ReturnedCondition);
        Assert.False(closed.AccessoriesComplete);
    }

    [Fact]
    public async Task A_damaged_device_stays_in_maintenance_until_it_is_repaired()
    {
        var device = await api.DeviceAsync("DBP-GSM-0009");
        Assert.Equal((DeviceStatus.Maintenance, DeviceCondition.Damaged), (device.Status, device.Condition));
        var deBres = api.CreateStaffClient(StaffRole.Staff, DeBres);

        var stillDamaged = await deBres.MutateAsync(MarkDeviceWipedMutation, new { deviceId = DeviceId(device.Id) });
        var repaired = await deBres.MutateAsync(MarkDeviceWipedMutation, new { deviceId = DeviceId(device.Id), condition = "GOOD" });

        Assert.Equal(["DEVICE_DAMAGED"], stillDamaged.ErrorCodes());
        Assert.Equal(("AVAILABLE", "GOOD"), ((string?)repaired["device"]!["status"], (string?)repaired["device"]!["condition"]));
    }

    [Fact]
    public async Task Returning_a_device_damaged_keeps_it_out_of_the_lending()
    {
        var loan = await api.OpenLoanAsync("DBP-TAB-0014");
        var helpPoint = (await api.DeviceAsync("DBP-TAB-0014")).HomeHelpPoint!.Name;
        var staff = api.CreateStaffClient(StaffRole.Staff, helpPoint);

        await staff.MutateAsync(ReturnDeviceMutation, new { loanId = LoanId(loan.Id), condition = "DAMAGED", accessoriesComplete = true });
        var wiped = await staff.MutateAsync(MarkDeviceWipedMutation, new { deviceId = DeviceId(loan.DeviceId) });

        Assert.Equal(["DEVICE_DAMAGED"], wiped.ErrorCodes());
        Assert.Equal((DeviceStatus.Maintenance, DeviceCondition.Damaged), ((await api.DeviceAsync("DBP-TAB-0014")).Status, (await api.DeviceAsync("DBP-TAB-0014")).Condition));
    }

    [Fact]
    public async Task Staff_of_another_point_and_anonymous_callers_cannot_renew_return_or_wipe()
    {
        var loan = await api.OpenLoanAsync("DBP-LAP-0016");
        var maintenance = await api.DeviceAsync("DBP-LAP-0013");
        var otherPoint = api.CreateStaffClient(StaffRole.Staff, Krombeke);
        var anonymous = api.CreateGraphQLClient();
        var renew = new { loanId = LoanId(loan.Id) };
        var giveBack = new { loanId = LoanId(loan.Id), condition = "GOOD", accessoriesComplete = true };
        var wipe = new { deviceId = DeviceId(maintenance.Id) };

        Assert.Equal(["NOT_ALLOWED"], (await otherPoint.MutateAsync(RenewLoanMutation, renew)).ErrorCodes());
        Assert.Equal(["NOT_ALLOWED"], (await otherPoint.MutateAsync(ReturnDeviceMutation, giveBack)).ErrorCodes());
        Assert.Equal(["NOT_ALLOWED"], (await otherPoint.MutateAsync(MarkDeviceWipedMutation, wipe)).ErrorCodes());
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await anonymous.PostAsync(RenewLoanMutation, new { input = renew })).ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await anonymous.PostAsync(ReturnDeviceMutation, new { input = giveBack })).ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], (await anonymous.PostAsync(MarkDeviceWipedMutation, new { input = wipe })).ErrorCodes);
        var after = await api.OpenLoanAsync("DBP-LAP-0016");
        Assert.Equal((loan.DueAt, loan.Renewals, (DateTime?)null), (after.DueAt, after.Renewals, after.ReturnedAt));
        Assert.Equal(DeviceStatus.Maintenance, (await api.DeviceAsync("DBP-LAP-0013")).Status);
    }

    [Fact]
    public async Task Loan_ids_of_the_wrong_type_and_unknown_loans_get_typed_errors()
    {
        var library = api.CreateStaffClient(StaffRole.Staff, Library);
        var device = await api.DeviceAsync("DBP-LAP-0001");

        var wrongType = await library.MutateAsync(RenewLoanMutation, new { loanId = DeviceId(device.Id) });
        var unknown = await library.MutateAsync(ReturnDeviceMutation, new { loanId = LoanId(999_999), condition = "GOOD", accessoriesComplete = true });
        var unknownDevice = await library.MutateAsync(MarkDeviceWipedMutation, new { deviceId = DeviceId(999_999) });

        Assert.Equal(["INVALID_INPUT"], wrongType.ErrorCodes());
        Assert.Equal("loanId", (string?)wrongType["errors"]![0]!["field"]);
        Assert.Equal(["NOT_FOUND"], unknown.ErrorCodes());
        Assert.Equal(["NOT_FOUND"], unknownDevice.ErrorCodes());
    }
}
