using Digibank.Api.Devices;
using Digibank.Api.HelpPoints;
using static Digibank.Api.Devices.DeviceCondition;
using static Digibank.Api.Devices.DeviceKind;
using static Digibank.Api.Devices.DeviceStatus;

namespace Digibank.Api.DemoRegion;

public static partial class DemoRegionSeeder
{
    private static readonly (DeviceKind Kind, int LoanPeriodDays, int RenewalsAllowed)[] LoanRuleRows =
    [
        (Smartphone, 28, 1),
        (Tablet, 28, 2),
        (Laptop, 42, 1),
    ];

    /// <summary>Asset tag prefix and the models bought, handed out in turn.</summary>
    private static readonly (DeviceKind Kind, string Prefix, string[] Models)[] DeviceModels =
    [
        (Smartphone, "GSM", ["Samsung Galaxy A15", "Samsung Galaxy A25 5G", "Motorola moto g54", "Apple iPhone SE (3e generatie)"]),
        (Tablet, "TAB", ["Lenovo Tab M10 (3e generatie)", "Samsung Galaxy Tab A9+", "Apple iPad 9e generatie"]),
        (Laptop, "LAP", ["Lenovo IdeaPad 1 14", "HP 14s", "Acer Aspire 3 15", "Dell Inspiron 15 3520"]),
    ];

    /// <summary>Devices per help point, counted in the order of <see cref="DeviceModels"/>: smartphones, tablets, laptops.</summary>
    private static readonly (string HelpPoint, int[] Counts)[] DeviceStock =
    [
        ("bib-poperinge", [4, 5, 5]),
        ("bellewijk", [3, 2, 3]),
        ("de-bres", [3, 4, 3]),
        ("krombeke", [2, 2, 1]),
        ("bib-heuvelland", [2, 3, 2]),
        ("stadhuis-mesen", [1, 2, 1]),
        ("bib-vleteren", [2, 2, 2]),
        ("digiploeg", [2, 2, 2]),
    ];

    /// <summary>Devices that are not simply available and in good condition.</summary>
    private static readonly (string AssetTag, DeviceStatus Status, DeviceCondition Condition)[] DeviceExceptions =
    [
        ("DBP-GSM-0001", Available, Fair),
        ("DBP-TAB-0003", Available, Fair),
        ("DBP-LAP-0007", Available, Fair),
        ("DBP-GSM-0009", Maintenance, Damaged),
        ("DBP-LAP-0013", Maintenance, Fair),
        ("DBP-TAB-0006", Retired, Damaged),
        ("DBP-GSM-0018", Available, New),
        ("DBP-TAB-0019", Available, New),
        ("DBP-TAB-0020", Available, New),
        ("DBP-LAP-0019", Available, New),
    ];

    /// <summary>Loans not yet returned; a loan is overdue when it started more days ago than its period allows.</summary>
    private static readonly (string AssetTag, int Participant, int DaysAgo, int Renewals)[] OpenLoans =
    [
        ("DBP-TAB-0001", 0, 5, 0),
        ("DBP-LAP-0002", 3, 12, 0),
        ("DBP-LAP-0003", 8, 50, 0),
        ("DBP-GSM-0005", 5, 20, 0),
        ("DBP-LAP-0006", 11, 30, 0),
        ("DBP-TAB-0008", 2, 40, 1),
        ("DBP-LAP-0009", 14, 3, 0),
        ("DBP-GSM-0011", 6, 31, 0),
        ("DBP-TAB-0014", 17, 9, 0),
        ("DBP-TAB-0017", 19, 14, 0),
        ("DBP-LAP-0016", 21, 21, 0),
        ("DBP-TAB-0021", 23, 7, 0),
        ("DBP-LAP-0018", 9, 60, 1),
    ];

    private static List<LoanRule> SeedLoanRules() =>
        LoanRuleRows.Select(row => new LoanRule { Kind = row.Kind, LoanPeriodDays = row.LoanPeriodDays, RenewalsAllowed = row.RenewalsAllowed }).ToList();

    private static List<Device> SeedDevices(SeedState region)
    {
        var numbers = new int[DeviceModels.Length];
        var devices = new List<Device>();
        foreach (var (helpPoint, counts) in DeviceStock)
        {
            for (var kind = 0; kind < DeviceModels.Length; kind++)
            {
                for (var i = 0; i < counts[kind]; i++)
                {
                    var number = ++numbers[kind];
                    var device = NewDevice(region.HelpPoints[helpPoint], DeviceModels[kind], number);
                    region.Devices[device.AssetTag] = device;
                    devices.Add(device);
                }
            }
        }

        return devices;
    }

    private static Device NewDevice(HelpPoint home, (DeviceKind Kind, string Prefix, string[] Models) model, int number)
    {
        var assetTag = $"DBP-{model.Prefix}-{number:0000}";
        var exception = DeviceExceptions.SingleOrDefault(row => row.AssetTag == assetTag);
        var onLoan = OpenLoans.Any(row => row.AssetTag == assetTag);
        return new Device
        {
            Kind = model.Kind,
            AssetTag = assetTag,
            Model = model.Models[(number - 1) % model.Models.Length],
            Condition = exception.AssetTag is null ? Good : exception.Condition,
            HomeHelpPoint = home,
            Status = onLoan ? OnLoan : exception.AssetTag is null ? Available : exception.Status,
        };
    }

    private static List<Loan> SeedLoans(SeedState region) =>
        OpenLoans.Select((row, index) =>
        {
            var device = region.Devices[row.AssetTag];
            var periodDays = LoanRuleRows.Single(rule => rule.Kind == device.Kind).LoanPeriodDays;
            // Spread over the morning and afternoon so the loans do not all start at the same minute.
            var checkedOutAt = region.At(
                SeedState.Weekday(region.Today.AddDays(-row.DaysAgo), back: true), new TimeOnly(9, 30).AddMinutes(index * 47 % 420));
            return new Loan
            {
                Device = device,
                Participant = region.Participants[row.Participant],
                HelpPointId = device.HomeHelpPoint!.Id,
                CheckedOutAt = checkedOutAt,
                DueAt = checkedOutAt.AddDays(periodDays * (1 + row.Renewals)),
                Renewals = row.Renewals,
            };
        }).ToList();
}
