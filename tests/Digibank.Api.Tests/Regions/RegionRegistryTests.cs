using Digibank.Api.Municipalities;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Regions;

/// <summary>The rules of the regions, on the feature service itself, without GraphQL.</summary>
public sealed class RegionRegistryTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private static readonly DateTime Now = DigibankApiFactory.Now.UtcDateTime;
    private static readonly StaffUser Admin = new("admin", "Admin", StaffRole.Admin, null, new HashSet<int>(), null);
    private static readonly StaffUser Coordinator = new("coordinator", "Coördinator", StaffRole.Coordinator, Region.FirstRegionId, new HashSet<int>(), null);

    [Fact]
    public async Task The_admin_adds_a_region_with_its_towns_and_the_towns_belong_to_it()
    {
        var (region, error) = await CreateAsync(new CreateRegion("maasland-test", "Digibank Maasland", [Town("Maaseik-test"), Town("Dilsen-test")], 7, Admin));

        Assert.Null(error);
        await using var db = api.CreateDbContext();
        Assert.Equal(["Dilsen-test", "Maaseik-test"], await db.Municipalities.Where(m => m.RegionId == region!.Id).Select(m => m.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(7, (await db.Regions.SingleAsync(r => r.Code == "maasland-test")).SmallGroupThreshold);
    }

    [Fact]
    public async Task A_town_that_is_in_a_region_already_is_refused_and_nothing_is_added()
    {
        var (_, error) = await CreateAsync(new CreateRegion("ijzer-test", "Digibank IJzer", [Town("Diksmuide-test"), Town("heuvelland")], 5, Admin));

        var refused = Assert.IsType<MunicipalityInRegionError>(error);
        Assert.Equal("heuvelland", refused.Municipality);
        await using var db = api.CreateDbContext();
        Assert.False(await db.Regions.AnyAsync(r => r.Code == "ijzer-test"));
        Assert.False(await db.Municipalities.AnyAsync(m => m.Name == "Diksmuide-test"));
    }

    [Fact]
    public async Task A_code_another_region_has_is_refused()
    {
        var (_, error) = await CreateAsync(new CreateRegion("poperinge", "Nog een Poperinge", [Town("Elders-test")], 5, Admin));

        Assert.IsType<RegionCodeTakenError>(error);
    }

    [Fact]
    public async Task A_coordinator_manages_no_region_not_even_their_own()
    {
        var created = await CreateAsync(new CreateRegion("kust-test", "Digibank Kust", [Town("Kust-test")], 5, Coordinator));
        await using var db = api.CreateDbContext();
        var updated = await new RegionRegistry(db, Now).UpdateAsync(new UpdateRegion(Region.FirstRegionId, "Anders", null, Coordinator), CancellationToken.None);
        var named = await new RegionRegistry(db, Now).NameCoordinatorAsync(new NameRegionCoordinator(Region.FirstRegionId, "Ik", "ik@example.com", Coordinator), CancellationToken.None);

        Assert.IsType<NotAllowedError>(created.Error);
        Assert.IsType<NotAllowedError>(updated.Error);
        Assert.IsType<NotAllowedError>(named.Error);
    }

    [Fact]
    public void The_input_checks_name_every_problem_at_once()
    {
        var rules = new InputRules();
        RegionRegistry.Check(rules, new CreateRegion("Met Spaties", " ", [Town("Dubbel"), Town("dubbel") with { Latitude = 91 }], 0, Admin));

        Assert.Equal(["code", "name", "smallGroupThreshold", "municipalities", "municipalities"], rules.Errors.Cast<InvalidInputError>().Select(e => e.Field));
    }

    [Fact]
    public async Task The_admin_renames_a_region_changes_its_threshold_and_names_a_coordinator_once_per_address()
    {
        var (region, _) = await CreateAsync(new CreateRegion("leie-test", "Digibank Leie", [Town("Leie-test")], 5, Admin));
        await using var db = api.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var registry = new RegionRegistry(db, Now);
        var updated = await registry.UpdateAsync(new UpdateRegion(region!.Id, "Digibank Leiestreek", 10, Admin), CancellationToken.None);
        await registry.NameCoordinatorAsync(new NameRegionCoordinator(region.Id, "An", "an@leie.example", Admin), CancellationToken.None);
        await db.SaveChangesAsync();
        await registry.NameCoordinatorAsync(new NameRegionCoordinator(region.Id, "An Peeters", "an@leie.example", Admin), CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        Assert.Equal(("Digibank Leiestreek", 10), (updated.Value!.Name, updated.Value.SmallGroupThreshold));
        await using var read = api.CreateDbContext();
        Assert.Equal(["An Peeters"], await read.RegionCoordinators.Where(c => c.RegionId == region.Id).Select(c => c.Name).ToListAsync());
    }

    [Fact]
    public async Task Anyone_reads_the_regions_and_their_towns_by_code()
    {
        var answer = await api.CreateGraphQLClient().QueryAsync("{ regions { code } region(code: \"poperinge\") { id name smallGroupThreshold municipalities { name } } }");

        Assert.Contains("poperinge", answer["regions"]!.AsArray().Select(r => (string?)r!["code"]));
        Assert.Equal("Digibank regio Poperinge", (string?)answer["region"]!["name"]);
        Assert.Equal(["Heuvelland", "Mesen", "Poperinge", "Vleteren"], answer["region"]!["municipalities"]!.AsArray().Select(m => (string?)m!["name"]));
        var node = await api.CreateGraphQLClient().QueryAsync("query ($id: ID!) { node(id: $id) { ... on Region { code } } }", new { id = (string)answer["region"]!["id"]! });
        Assert.Equal("poperinge", (string?)node["node"]!["code"]);
    }

    private static NewMunicipality Town(string name) => new(name, "9999", 51.0, 3.0);

    private async Task<Result<Region>> CreateAsync(CreateRegion command)
    {
        await using var db = api.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await new RegionRegistry(db, Now).CreateAsync(RegionRegistry.Check(new InputRules(), command), CancellationToken.None);
        if (created.Error is null)
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        return created;
    }
}
