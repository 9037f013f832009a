using Xunit.Abstractions;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>
/// What the dashboard's browser tests share: the API on Kestrel (one for all of them, see
/// <see cref="DashboardBrowserCollection"/>) and a Chromium of their own, closed after each test.
/// </summary>
public abstract class DashboardPageTests(DashboardApiFactory api, ITestOutputHelper output) : IAsyncLifetime
{
    protected DashboardApiFactory Api { get; } = api;

    protected ITestOutputHelper Output { get; } = output;

    protected DashboardBrowser Browser { get; } = new(api);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}
