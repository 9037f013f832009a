using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Testing;

/// <summary>A partner's catalogue of tens of thousands of courses, for tests and benchmarks at the size of a province.</summary>
public static class CourseCopies
{
    private const string Columns = """
        "Title", "TitleKey", "Summary", "SummaryKey", "Level", "Language", "TargetGroups", "PartnerId",
        "HelpPointId", "VenueName", "VenueStreet", "MunicipalityId", "Capacity", "PriceCents", "ReducedPriceCents", "SignUpDeadline",
        "Status", "WheelchairAccessible", "AccessibilityNotes", "StartsAt", "UpdatedAt", "SourceHash"
        """;

    /// <summary>
    /// Writes <paramref name="count"/> copies of the course with external id <paramref name="seedExternalId"/>, with external ids
    /// <paramref name="prefix"/>1, 2… and everything else the seed's (sessions aside), in one statement: a recursive CTE.
    /// </summary>
    public static Task CopyAsync(DigibankDbContext db, string seedExternalId, string prefix, int count)
    {
        // The count is a number and the columns a constant; the external ids go as parameters.
        var copy = $$"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {{count}})
            INSERT INTO "Courses" ({{Columns}}, "ExternalId")
            SELECT {{Columns}}, {1} || n.i FROM "Courses", n WHERE "ExternalId" = {0}
            """;
        return db.Database.ExecuteSqlRawAsync(copy, seedExternalId, prefix);
    }
}
