using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Devices;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Regions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Digibank.Api.Tests.Storage;

/// <summary>
/// Row-level security on PostgreSQL, two regions side by side: a query that forgets its region's filter still finds
/// no one of the other region; a write for the wrong region is refused; each bypass works by its name only; without
/// a scope the personal tables show nothing and take nothing.
/// </summary>
public sealed class RowLevelSecurityTests(RowLevelSecurityTests.TwoRegions regions) : IClassFixture<RowLevelSecurityTests.TwoRegions>
{
    private const string InsufficientPrivilege = "42501";

    [PostgreSqlFact]
    public async Task Region_B_reading_participants_without_any_filter_sees_none_of_region_A()
    {
        await regions.ReadyAsync();
        using var scope = RegionScope.For(regions.RegionB);
        await using var db = regions.Api.CreateDbContext();

        // No Where at all: the application's filter is left out on purpose.
        var everyone = await db.Participants.ToListAsync();

        Assert.Contains(everyone, p => p.Id == regions.PersonOfB);
        Assert.DoesNotContain(everyone, p => p.Id == regions.PersonOfA);
        Assert.All(everyone, p => Assert.Equal(regions.RegionB, p.RegionId));
        Assert.Equal(0, await db.Participants.CountAsync(p => p.RegionId == Region.FirstRegionId));
    }

    [PostgreSqlFact]
    public async Task A_lookup_that_names_region_A_under_region_B_finds_no_one()
    {
        await regions.ReadyAsync();
        using var scope = RegionScope.For(regions.RegionB);
        await using var db = regions.Api.CreateDbContext();
        var resident = new ResidentDetails("Anna", TwoRegions.EmailOfA, null, regions.TownOfB, TargetGroup.Everyone);

        Assert.Null(await resident.FindKnownAsync(db, Region.FirstRegionId, CancellationToken.None));
    }

    [PostgreSqlFact]
    public async Task Without_a_scope_the_personal_tables_show_nothing_and_take_nothing()
    {
        await regions.ReadyAsync();
        await using var db = regions.Api.CreateDbContext();

        Assert.Null(RegionScope.Current);
        Assert.Equal(0, await db.Participants.CountAsync());
        Assert.Equal(0, await db.SignUps.CountAsync());
        Assert.Equal(0, await db.Loans.CountAsync());
        Assert.Equal(0, await db.HelpRequests.CountAsync());
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => TwoRegions.AddPersonAsync(db, "Zonder", null, regions.TownOfB, regions.RegionB));
        Assert.Equal(InsufficientPrivilege, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
    }

    [PostgreSqlFact]
    public async Task A_write_for_another_region_is_refused_and_a_change_to_its_people_touches_nothing()
    {
        await regions.ReadyAsync();
        using var scope = RegionScope.For(regions.RegionB);
        await using var db = regions.Api.CreateDbContext();

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => TwoRegions.AddPersonAsync(db, "Verkeerd", null, regions.TownOfA, Region.FirstRegionId));
        Assert.Equal(InsufficientPrivilege, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
        Assert.Equal(0, await db.Participants.Where(p => p.Id == regions.PersonOfA).ExecuteUpdateAsync(set => set.SetProperty(p => p.FirstName, "Gewist")));
        Assert.Equal(0, await db.Participants.Where(p => p.Id == regions.PersonOfA).ExecuteDeleteAsync());
        // Moving one's own person into the other region is a write for that region too.
        var moved = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Participants.Where(p => p.Id == regions.PersonOfB).ExecuteUpdateAsync(set => set.SetProperty(p => p.RegionId, Region.FirstRegionId)));
        Assert.Equal(InsufficientPrivilege, moved.SqlState);

        using var regionA = RegionScope.For(Region.FirstRegionId);
        await using var again = regions.Api.CreateDbContext();
        Assert.Equal("Anna", (await again.Participants.SingleAsync(p => p.Id == regions.PersonOfA)).FirstName);
    }

    [PostgreSqlFact]
    public async Task A_context_that_entered_a_region_works_for_that_region_only()
    {
        await regions.ReadyAsync();
        using var catalogue = RegionScope.Catalogue();
        await using var db = regions.Api.CreateDbContext();
        Assert.Equal(0, await db.Participants.CountAsync());

        // As a resident's sign-up does once it knows the course: the open connection follows at the next command.
        db.EnterRegion(regions.RegionB);
        Assert.Equal([regions.PersonOfB], await db.Participants.Select(p => p.Id).ToListAsync());
        using var staffOfA = RegionScope.For(Region.FirstRegionId);
        Assert.Throws<InvalidOperationException>(() => db.EnterRegion(regions.RegionB));
    }

    [PostgreSqlFact]
    public async Task Each_bypass_sees_every_region_under_its_own_name_and_an_unknown_name_sees_no_one()
    {
        await regions.ReadyAsync();
        foreach (var name in RegionBypasses.All)
        {
            using var scope = RegionScope.Bypass(name);
            await using var db = regions.Api.CreateDbContext();
            var ids = await db.Participants.Select(p => p.Id).ToListAsync();
            Assert.True(ids.Contains(regions.PersonOfA) && ids.Contains(regions.PersonOfB), $"The bypass '{name}' should see both regions.");
        }

        Assert.Throws<ArgumentException>(() => RegionScope.Bypass("stranger"));
        await using var connection = new NpgsqlConnection(regions.Api.ConnectionString);
        await connection.OpenAsync();
        foreach (var name in new[] { "stranger", "OUTBOX", RegionBypasses.Catalogue, "" })
        {
            await using var command = new NpgsqlCommand("SELECT set_config('digibank.bypass', @name, false); SELECT count(*) FROM \"Participants\"", connection);
            command.Parameters.AddWithValue("name", name);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.NextResultAsync();
            await reader.ReadAsync();
            Assert.True(reader.GetInt64(0) == 0, $"A bypass named '{name}' should see no one.");
        }
    }

    [PostgreSqlFact]
    public async Task The_catalogue_counts_sign_ups_but_reads_no_one_and_writes_nothing()
    {
        await regions.ReadyAsync();
        using var scope = RegionScope.Catalogue();
        await using var db = regions.Api.CreateDbContext();

        Assert.True(await db.SignUps.CountAsync() > 0, "the demo region's sign-ups count towards seats left");
        Assert.Equal(0, await db.Participants.CountAsync());
        Assert.Equal(0, await db.Notifications.CountAsync());
        Assert.Equal(0, await db.SignUps.ExecuteUpdateAsync(set => set.SetProperty(s => s.WaitlistPosition, 99)));
    }

    [PostgreSqlFact]
    public async Task The_database_accepts_exactly_the_bypasses_the_code_names()
    {
        await regions.ReadyAsync();
        await using var connection = new NpgsqlConnection(regions.Api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT unnest(digibank_bypasses())", connection);
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Equal(RegionBypasses.All.Order(), names.Order());
    }

    /// <summary>The demo region (A) on PostgreSQL and a second region of the test's own (B), each with one person.</summary>
    public sealed class TwoRegions : IDisposable
    {
        public const string EmailOfA = "anna.rls@example.com";

        public PostgreSqlApiFactory Api { get; } = new();

        public int RegionB { get; private set; }

        public int TownOfA { get; private set; }

        public int TownOfB { get; private set; }

        public int PersonOfA { get; private set; }

        public int PersonOfB { get; private set; }

        private Task? _ready;

        public Task ReadyAsync() => _ready ??= PrepareAsync();

        public void Dispose() => Api.Dispose();

        public static async Task<int> AddPersonAsync(DigibankDbContext db, string firstName, string? email, int townId, int regionId)
        {
            var person = db.Participants.Add(new Participant
            {
                FirstName = firstName,
                Email = email,
                MunicipalityId = townId,
                RegionId = regionId,
                TargetGroup = TargetGroup.Everyone,
                ConsentGivenAt = DigibankApiFactory.Now.UtcDateTime,
                CreatedAt = DigibankApiFactory.Now.UtcDateTime,
            }).Entity;
            await db.SaveChangesAsync();
            return person.Id;
        }

        private async Task PrepareAsync()
        {
            _ = Api.Server;
            await using (var db = Api.CreateDbContext())
            {
                var region = db.Regions.Add(new Region { Code = "westkust", Name = "Digibank regio Westkust" }).Entity;
                await db.SaveChangesAsync();
                RegionB = region.Id;
                var town = db.Municipalities.Add(new Municipality { Name = "Veurne", PostalCode = "8630", RegionId = RegionB }).Entity;
                await db.SaveChangesAsync();
                TownOfB = town.Id;
                TownOfA = await db.Municipalities.Where(m => m.RegionId == Region.FirstRegionId).Select(m => m.Id).FirstAsync();
            }

            using (RegionScope.For(Region.FirstRegionId))
            {
                await using var db = Api.CreateDbContext();
                PersonOfA = await AddPersonAsync(db, "Anna", EmailOfA, TownOfA, Region.FirstRegionId);
            }

            using (RegionScope.For(RegionB))
            {
                await using var db = Api.CreateDbContext();
                PersonOfB = await AddPersonAsync(db, "Bert", "bert.rls@example.com", TownOfB, RegionB);
            }
        }
    }
}
