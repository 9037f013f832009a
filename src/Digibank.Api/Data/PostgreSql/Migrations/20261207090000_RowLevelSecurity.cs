using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digibank.Api.Data.PostgreSql.Migrations
{
    /// <summary>
    /// Row-level security on the tables of personal data, keyed by each row's region and the session settings
    /// <c>digibank.region</c> and <c>digibank.bypass</c> that every connection of the API carries (Data/RowSecurity).
    /// A region's work sees and changes that region's rows; a named bypass (exactly the names of
    /// <c>RegionBypasses.All</c>) every region's; any scope, the catalogue's too, reads the rows of sign-ups, loans and
    /// reservations, whose counts the public catalogue shows. Without a scope: no rows, no writes. The model does not change.
    /// </summary>
    public partial class RowLevelSecurity : Migration
    {
        private static readonly string[] PeopleTables = ["Participants", "HelpRequests", "Notifications", "CallTasks"];

        // Their counts are public (seats left, devices out, the queue for a device); their rows name no one but by number.
        private static readonly string[] CountedTables = ["SignUps", "Loans", "Reservations"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION digibank_bypasses() RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT ARRAY['outbox', 'messages', 'reminders', 'retention', 'partner-sync', 'self-service', 'seed', 'overview']::text[]
                $$;

                CREATE FUNCTION digibank_may_touch(row_region integer) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT row_region = NULLIF(current_setting('digibank.region', true), '')::integer
                        OR COALESCE(current_setting('digibank.bypass', true), '') = ANY (digibank_bypasses())
                $$;

                CREATE FUNCTION digibank_may_count() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT COALESCE(current_setting('digibank.region', true), '') <> ''
                        OR COALESCE(current_setting('digibank.bypass', true), '') = 'catalogue'
                $$;
                """);
            foreach (var table in PeopleTables)
            {
                Protect(migrationBuilder, table, """digibank_may_touch("RegionId")""");
            }

            foreach (var table in CountedTables)
            {
                Protect(migrationBuilder, table, """digibank_may_touch("RegionId") OR digibank_may_count()""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in PeopleTables.Concat(CountedTables))
            {
                migrationBuilder.Sql($"""
                    DROP POLICY region_select ON "{table}";
                    DROP POLICY region_insert ON "{table}";
                    DROP POLICY region_update ON "{table}";
                    DROP POLICY region_delete ON "{table}";
                    ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY;
                    ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY;
                    """);
            }

            migrationBuilder.Sql("""
                DROP FUNCTION digibank_may_count();
                DROP FUNCTION digibank_may_touch(integer);
                DROP FUNCTION digibank_bypasses();
                """);
        }

        private static void Protect(MigrationBuilder migrationBuilder, string table, string read) =>
            migrationBuilder.Sql($"""
                ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
                ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
                CREATE POLICY region_select ON "{table}" FOR SELECT USING ({read});
                CREATE POLICY region_insert ON "{table}" FOR INSERT WITH CHECK (digibank_may_touch("RegionId"));
                CREATE POLICY region_update ON "{table}" FOR UPDATE USING (digibank_may_touch("RegionId")) WITH CHECK (digibank_may_touch("RegionId"));
                CREATE POLICY region_delete ON "{table}" FOR DELETE USING (digibank_may_touch("RegionId"));
                """);
    }
}
