using System.Text.RegularExpressions;
using Digibank.Api.Balie.Shared;
using Digibank.Api.Devices;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Tests.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Digibank.Api.Tests.Balie;

/// <summary>
/// A laptop of the library lent at the counter to a person already known, with a charger and a bag, and its slip
/// printed; renewed; taken back with its condition and only the charger; wiped step by step; and on the shelf again.
/// </summary>
public sealed class LendingBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Laptop = "DBP-LAP-0001";

    private readonly DashboardApiFactory _api = new();
    private CounterBrowser _browser = default!;

    public Task InitializeAsync()
    {
        _browser = new CounterBrowser(_api);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _api.DisposeAsync();
    }

    [ChromiumFact]
    public async Task A_laptop_lent_to_a_known_person_in_three_page_loads_comes_back_with_its_condition_and_accessories_and_is_lent_again_after_the_wipe()
    {
        var staff = await CounterAccounts.CreateAsync(_api.Services, StaffRole.Staff, [await _api.HelpPointIdAsync(LendingTestData.Library)]);
        var desk = await _browser.SignedInAsync(staff);
        await desk.GotoAsync("/balie/personen?zoek=Lotte");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Lotte", Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Lotte", Level = 1 })).ToBeVisibleAsync();
        var personPage = new Uri(desk.Url).PathAndQuery;
        await CounterBrowser.AssertAccessibleAsync(desk);

        var pageLoads = await LendFromPersonPageAsync(desk);
        output.WriteLine($"Page loads to lend to a known person, from their page to the slip: {pageLoads.Count}");
        pageLoads.ForEach(output.WriteLine);
        Assert.InRange(pageLoads.Count, 1, 3);
        await AssertSlipAsync(desk);

        await desk.GetByRole(AriaRole.Link, new() { Name = "Terug naar Uitlenen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = Laptop })).ToContainTextAsync("Lotte");
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = $"{Laptop} verlengen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("De uitlening is verlengd.");
        await desk.GetByRole(AriaRole.Button, new() { Name = $"{Laptop} verlengen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("al 1 keer verlengd");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await TakeBackAsync(desk);
        await WipeAsync(desk);

        await desk.GotoAsync(personPage);
        await desk.GetByRole(AriaRole.Link, new() { Name = "Toestel uitlenen" }).ClickAsync();
        await Expect(desk.GetByLabel(new Regex(Laptop))).ToBeEnabledAsync();
        await using var db = _api.CreateDbContext();
        var loan = await db.Loans.Include(l => l.Device).SingleAsync(l => l.Device!.AssetTag == Laptop && l.Participant!.FirstName == "Lotte");
        Assert.Equal((DeviceStatus.Available, DeviceCondition.Fair), (loan.Device!.Status, loan.Device.Condition));
        Assert.Equal(new[] { LoanAccessory.Charger, LoanAccessory.Bag }, loan.Accessories);
        Assert.Equal(new[] { LoanAccessory.Charger }, loan.AccessoriesReturned);
        Assert.Equal((false, DeviceCondition.Fair, 1), (loan.AccessoriesComplete, loan.ReturnedCondition, loan.Renewals));
        _browser.AssertNoProblems();
    }

    /// <summary>From the person's page to the printed slip, counting every document the browser loads on the way.</summary>
    private static async Task<List<string>> LendFromPersonPageAsync(IPage desk)
    {
        var pageLoads = new List<string>();
        void Count(object? sender, IRequest request)
        {
            if (request.ResourceType == "document")
            {
                pageLoads.Add($"{request.Method} {new Uri(request.Url).PathAndQuery}");
            }
        }

        desk.Request += Count;
        await desk.GetByRole(AriaRole.Link, new() { Name = "Toestel uitlenen" }).ClickAsync();
        await desk.GetByLabel(new Regex(Laptop)).CheckAsync();
        await desk.GetByLabel("lader", new() { Exact = true }).CheckAsync();
        await desk.GetByLabel("tas", new() { Exact = true }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Uitlenen", Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Uitleenbon Digibank" })).ToBeVisibleAsync();
        desk.Request -= Count;
        return pageLoads;
    }

    private static async Task AssertSlipAsync(IPage desk)
    {
        var slip = desk.Locator("article.slip");
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Het toestel is uitgeleend");
        await Expect(slip).ToContainTextAsync(Laptop);
        await Expect(slip).ToContainTextAsync("Lotte");
        await Expect(slip).ToContainTextAsync("lader en tas");
        await Expect(slip).ToContainTextAsync(CounterWords.Day(DigibankApiFactory.Now.UtcDateTime.AddDays(42)));
        await Expect(slip).ToContainTextAsync("057 34 66 50");
        await Expect(slip).ToContainTextAsync("Werkt het toestel niet, of is het stuk?");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await desk.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(desk.GetByRole(AriaRole.Status)).ToBeHiddenAsync();
        await Expect(desk.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToBeHiddenAsync();
        await Expect(slip).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.EmulateMediaAsync(new() { Media = Media.Screen });
    }

    private static async Task TakeBackAsync(IPage desk)
    {
        await desk.GetByRole(AriaRole.Link, new() { Name = $"{Laptop} terugnemen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = $"{Laptop} terugnemen" })).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Terugnemen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kies in welke staat het toestel is.");
        await CounterBrowser.AssertAccessibleAsync(desk);

        await desk.GetByLabel(new Regex("^redelijk")).CheckAsync();
        await desk.GetByLabel("lader", new() { Exact = true }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Terugnemen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Het toestel is teruggenomen. Wis het nu");
        await Expect(desk.GetByText("Niet terug: tas")).ToBeVisibleAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);
    }

    private static async Task WipeAsync(IPage desk)
    {
        await desk.GetByLabel(CounterWords.Of(WipeStep.AccountsSignedOut)).CheckAsync();
        await desk.GetByLabel(CounterWords.Of(WipeStep.FilesDeleted)).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Gewist: weer uitlenen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nog te doen");
        await Expect(desk.GetByLabel(CounterWords.Of(WipeStep.FilesDeleted))).ToBeCheckedAsync();
        await CounterBrowser.AssertAccessibleAsync(desk);

        await desk.GetByLabel(CounterWords.Of(WipeStep.FactoryReset)).CheckAsync();
        await desk.GetByLabel(CounterWords.Of(WipeStep.StartsUp)).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Gewist: weer uitlenen" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync($"Toestel {Laptop} is gewist en staat weer klaar om uit te lenen.");
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = Laptop })).ToHaveCountAsync(0);
        await CounterBrowser.AssertAccessibleAsync(desk);
    }
}
