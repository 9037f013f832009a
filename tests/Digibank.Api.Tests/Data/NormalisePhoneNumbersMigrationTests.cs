using Digibank.Api.Data;
using Digibank.Api.Participants;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Digibank.Api.Tests.Data;

/// <summary>A database made before phone numbers had one form, brought up to date.</summary>
public sealed class NormalisePhoneNumbersMigrationTests : IDisposable
{
    private const string Migration = "NormalisePhoneNumbers";

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"digibank-migration-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData("0490 00 00 27", "0490000027")]
    [InlineData("0490/00.00.27", "0490000027")]
    [InlineData("0490-00-00-27", "0490000027")]
    [InlineData(" 0470 12 34 56 ", "0470123456")]
    [InlineData("0490000027", "0490000027")]
    [InlineData("+32490000027", "0490000027")]
    [InlineData("+32 490 00 00 27", "0490000027")]
    [InlineData("+32 (0)490 00 00 27", "0490000027")]
    [InlineData("0032 490 00 00 27", "0490000027")]
    [InlineData("057 33 40 00", "057334000")]
    [InlineData("+31612345678", "+31612345678")]
    [InlineData("0031 6 12 34 56 78", "+31612345678")]
    public async Task A_stored_phone_number_gets_the_form_input_is_normalised_to(string stored, string expected)
    {
        await using var db = CreateDbContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(id => id.EndsWith("_" + Migration, StringComparison.Ordinal));
        Assert.True(index > 0, $"{Migration} is not among the migrations.");
        await migrator.MigrateAsync(migrations[index - 1]);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Municipalities" ("Name", "NameKey", "PostalCode") VALUES ('Poperinge', 'poperinge', '8970')""");
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Participants" ("FirstName", "Email", "Phone", "MunicipalityId", "TargetGroup", "CreatedAt")
            VALUES ('Maria', NULL, {stored}, 1, 'Seniors', '2026-10-16 09:00:00'),
                   ('Fatima', 'fatima@example.com', NULL, 1, 'Parents', '2026-06-01 09:00:00')
            """);

        await migrator.MigrateAsync();

        var people = await db.Participants.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(expected, people[0].Phone);
        Assert.Equal(PhoneNumber.Normalise(stored), people[0].Phone);
        Assert.Null(people[1].Phone);
        Assert.Equal("fatima@example.com", people[1].Email);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }

    private DigibankDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<DigibankDbContext>().UseSqlite($"Data Source={_databaseFile}").Options);
}
