using Digibank.Api.Accounts;
using Digibank.Api.Balie;
using Digibank.Api.Composition;
using Digibank.Api.Courses;
using Digibank.Api.Dashboard;
using Digibank.Api.Data;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.DemoRegion;
using Digibank.Api.Devices;
using Digibank.Api.Finder;
using Digibank.Api.GraphQL;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Notifications;
using Digibank.Api.Observability;
using Digibank.Api.Partners;
using Digibank.Api.Privacy;
using Digibank.Api.Regions;
using Digibank.Api.Reports;
using Digibank.Api.SelfService;
using Digibank.Api.Staff;
using Digibank.Api.Sync;

var builder = WebApplication.CreateBuilder(args);

builder.AddObservability();
builder.AddDigibankStore();
builder.AddHealth();
builder.AddStaffAuthentication();
builder.AddStaffAccounts();
builder.AddDigibankGraphQL<DigibankSchema>();
builder.AddPartnerSync();
builder.AddInProcessPluginHost();
builder.Services
    .AddDemoRegion(builder.Configuration)
    .AddRegions()
    .AddMunicipalities()
    .AddPartners()
    .AddHelpPoints()
    .AddDevices()
    .AddCourses()
    .AddLending()
    .AddHelpRequests()
    .AddParticipantPrivacy(builder.Configuration)
    .AddNotifications(builder.Configuration)
    .AddSelfService(builder.Configuration)
    .AddFinder()
    .AddDashboardEvents()
    .AddCounterApp();

var app = builder.Build();

if (await SchemaFile.TryWriteAsync(app, args))
{
    return;
}

await app.PrepareStoreAsync();

if (StaffTokenCommand.TryRun(app) || await StaffAccountCommand.TryRunAsync(app) || await PartnerKeys.TryIssueFromCommandLineAsync(app))
{
    return;
}

app.UseCatalogueScope();
app.UseAuthentication();
app.UseCounterApp();
app.MapDigibankGraphQL();
app.MapPartnerSync();
app.MapCatalogueEndpoints();
app.MapCalendarFeeds();
app.MapDashboard();
app.MapReachReports();
app.MapSelfService();
app.MapCounterApp();
app.MapHealth();
app.MapMetrics();
app.MapWelcome();
app.AnnounceAddressesWhenReady();

await app.RunAsync();

public partial class Program;
