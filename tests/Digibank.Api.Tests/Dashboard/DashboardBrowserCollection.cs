namespace Digibank.Api.Tests.Dashboard;

/// <summary>The dashboard's browser tests share one API on Kestrel and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardBrowserCollection : ICollectionFixture<DashboardApiFactory>
{
    public const string Name = "Dashboard in a browser";
}
