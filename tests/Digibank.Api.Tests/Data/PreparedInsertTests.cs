using Digibank.Api.Courses;
using Digibank.Api.HelpPoints;
using Digibank.Api.Partners;
using Digibank.Api.Sync;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Data;

/// <summary>The bulk path of partner uploads writes a course exactly as EF Core's SaveChanges does, column by column.</summary>
public sealed class PreparedInsertTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    [Fact]
    public async Task A_course_inserted_in_bulk_is_stored_exactly_as_one_saved_by_ef()
    {
        await using var db = api.CreateDbContext();
        var partner = await db.Partners.FirstAsync();
        var helpPoint = await db.HelpPoints.FirstAsync();
        var topics = await db.Topics.OrderBy(t => t.Id).Take(2).Select(t => t.Id).ToListAsync();

        var saved = Sample(partner.Id, helpPoint.Id, helpPoint.MunicipalityId, helpPoint.RegionId, "PREPARED-EF");
        saved.Topics = await db.Topics.AsTracking().Where(t => topics.Contains(t.Id)).ToListAsync();
        db.Courses.Add(saved);
        await db.SaveChangesAsync();

        var bulk = Sample(partner.Id, helpPoint.Id, helpPoint.MunicipalityId, helpPoint.RegionId, "PREPARED-BULK");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var inserter = await BulkCourseInserter.PrepareAsync(db, CancellationToken.None);
            await inserter.InsertAsync(bulk, topics, CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.Equal(await RowsAsync(db, "Courses", "Id", saved.Id), await RowsAsync(db, "Courses", "Id", bulk.Id));
        Assert.Equal(await RowsAsync(db, "CourseSessions", "CourseId", saved.Id), await RowsAsync(db, "CourseSessions", "CourseId", bulk.Id));
        Assert.Equal(await RowsAsync(db, "CourseTopics", "CoursesId", saved.Id), await RowsAsync(db, "CourseTopics", "CoursesId", bulk.Id));

        var readBack = await db.Courses.AsNoTracking().Include(c => c.Sessions).Include(c => c.Topics).SingleAsync(c => c.Id == bulk.Id);
        Assert.Equal([TargetGroup.Seniors, TargetGroup.Parents], readBack.TargetGroups);
        Assert.Equal(DateTimeKind.Utc, readBack.SignUpDeadline!.Value.Kind);
        Assert.Equal(bulk.UpdatedAt, readBack.UpdatedAt);
        Assert.Equal(topics, readBack.Topics.Select(t => t.Id).Order());
    }

    private static Course Sample(int partnerId, int helpPointId, int municipalityId, int regionId, string externalId) => new()
    {
        Title = "Digitaal bankieren: overschrijvingen met itsme",
        Summary = "Veilig betalen, uitleg in klare taal; café-sessie met koffie.",
        Level = CourseLevel.Intermediate,
        Language = CourseLanguage.PlainDutch,
        TargetGroups = [TargetGroup.Seniors, TargetGroup.Parents],
        PartnerId = partnerId,
        ExternalId = externalId,
        HelpPointId = helpPointId,
        VenueName = "Zaal De Lovie",
        VenueStreet = "Krombekeseweg 82",
        MunicipalityId = municipalityId,
        RegionId = regionId,
        Capacity = 14,
        PriceCents = 500,
        ReducedPriceCents = 150,
        SignUpDeadline = new DateTime(2027, 1, 11, 22, 59, 59, 123, DateTimeKind.Utc).AddTicks(4567),
        Status = CourseStatus.Full,
        WheelchairAccessible = true,
        AccessibilityNotes = "Lift aan de achterkant.",
        StartsAt = new DateTime(2027, 1, 13, 8, 30, 0, DateTimeKind.Utc),
        UpdatedAt = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc).AddTicks(1),
        SourceHash = "5F2C",
        Sessions =
        [
            new CourseSession { StartsAt = new DateTime(2027, 1, 13, 8, 30, 0, DateTimeKind.Utc), EndsAt = new DateTime(2027, 1, 13, 10, 30, 0, DateTimeKind.Utc), Room = "Zaal 2" },
            new CourseSession { StartsAt = new DateTime(2027, 1, 20, 8, 30, 0, DateTimeKind.Utc), EndsAt = new DateTime(2027, 1, 20, 10, 30, 0, DateTimeKind.Utc) },
        ],
    };

    /// <summary>Every column of the rows, as SQLite stores them, without the row's own id, its course and its external id.</summary>
    private static async Task<List<string>> RowsAsync(DbContext db, string table, string keyColumn, int key)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{keyColumn}\" = $key";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                .Where(column => reader.GetName(column) is not ("Id" or "CourseId" or "CoursesId" or "ExternalId"))
                .Select(column => $"{reader.GetName(column)}={reader.GetValue(column)} ({reader.GetDataTypeName(column)})")));
        }

        return rows;
    }
}
