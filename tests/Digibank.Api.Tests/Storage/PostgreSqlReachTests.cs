using Digibank.Api.Tests.Dashboard;

namespace Digibank.Api.Tests.Storage;

/// <summary>
/// The reach figures of two regions, the overview and the funder's report on PostgreSQL: the same checks as
/// <see cref="RegionReachTests"/> and <see cref="ReachReportTests"/>, whose grouped queries PostgreSQL must translate alike.
/// </summary>
public sealed class PostgreSqlReachTests(PostgreSqlApiFactory api) : IClassFixture<PostgreSqlApiFactory>
{
    [PostgreSqlFact]
    public async Task Each_region_and_the_overview_count_alike()
    {
        var tests = new RegionReachTests(api);
        await tests.InitializeAsync();

        await tests.A_coordinator_sees_their_own_region_only_with_its_own_threshold();
        await tests.The_overview_shows_every_region_as_its_coordinator_sees_it();
        await tests.No_hidden_figure_of_a_region_can_be_worked_out_by_subtracting_from_the_totals();
    }

    [PostgreSqlFact]
    public async Task The_report_holds_the_figures_of_reach_statistics()
    {
        var tests = new ReachReportTests(api);
        await tests.InitializeAsync();

        await tests.The_coordinators_csv_and_workbook_hold_the_figures_of_reach_statistics(0);
        await tests.The_admin_gets_the_overview_and_a_sheet_per_region();
    }
}
