using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Digibank.Api.Courses;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Data;
using Digibank.Api.Devices;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Partners;
using Digibank.Api.Regions;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Regions;

/// <summary>
/// The rows a region's people and places live in, counted and hashed: equal snapshots before and after a run of
/// calls mean none of them added, changed or removed a person's row, a loan, a closure or a held withdrawal.
/// </summary>
public static class PersonalSnapshot
{
    private static readonly JsonSerializerOptions Rows = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    public static async Task<string> TakeAsync(DigibankApiFactory api)
    {
        // What the API was still doing for earlier calls (messages, call tasks) is not the calls' doing.
        await api.UntilQuietAsync();
        await using var db = api.CreateDbContext();
        var tables = new (string Name, Func<DigibankDbContext, Task<string>> Read)[]
        {
            ("Participants", db => ReadAsync(db.Participants)),
            ("SignUps", db => ReadAsync(db.SignUps)),
            ("Loans", db => ReadAsync(db.Loans)),
            ("Reservations", db => ReadAsync(db.Reservations)),
            ("HelpRequests", db => ReadAsync(db.HelpRequests)),
            ("Notifications", db => ReadAsync(db.Notifications)),
            ("CallTasks", db => ReadAsync(db.CallTasks)),
            ("Devices", db => ReadAsync(db.Devices)),
            ("Closures", db => ReadAsync(db.Closures)),
            ("Courses", db => ReadAsync(db.Courses)),
            ("WithdrawalHolds", db => ReadAsync(db.WithdrawalHolds)),
            ("Regions", db => ReadAsync(db.Regions)),
            ("RegionCoordinators", db => ReadAsync(db.RegionCoordinators)),
            ("Municipalities", db => ReadAsync(db.Municipalities)),
        };
        // Region by region: on PostgreSQL each region's people are readable only in that region's scope.
        var snapshot = new StringBuilder();
        foreach (var regionId in await db.Regions.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync())
        {
            using var scope = RegionScope.For(regionId);
            foreach (var (name, read) in tables)
            {
                snapshot.AppendLine($"{regionId} {name}: {await read(db)}");
            }
        }

        return snapshot.ToString();
    }

    private static async Task<string> ReadAsync<T>(IQueryable<T> table)
        where T : class, IEntity
    {
        var rows = await table.AsNoTracking().OrderBy(row => row.Id).ToListAsync();
        return $"{rows.Count} rows, {Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(rows, Rows)))}";
    }
}
