using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digibank.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class NormalisePhoneNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The same canonical form as Participants.PhoneNumber: the demo seed stored numbers as typed
            // ("0490 00 00 27") and input stored Belgian numbers as "+32…", so known people were not found.
            migrationBuilder.Sql("""
                UPDATE "Participants"
                SET "Phone" = replace(replace(replace(replace(replace(replace(trim("Phone"), ' ', ''), '.', ''), '/', ''), '-', ''), '(', ''), ')', '')
                WHERE "Phone" IS NOT NULL;
                """);
            // "+32 (0)490 …": the 0 belongs to the national form only.
            migrationBuilder.Sql("""
                UPDATE "Participants"
                SET "Phone" = '0' || CASE WHEN substr("Phone", 4, 1) = '0' THEN substr("Phone", 5) ELSE substr("Phone", 4) END
                WHERE "Phone" LIKE '+32%';
                """);
            migrationBuilder.Sql("""
                UPDATE "Participants"
                SET "Phone" = '0' || CASE WHEN substr("Phone", 5, 1) = '0' THEN substr("Phone", 6) ELSE substr("Phone", 5) END
                WHERE "Phone" LIKE '0032%';
                """);
            migrationBuilder.Sql("""
                UPDATE "Participants"
                SET "Phone" = '+' || substr("Phone", 3)
                WHERE "Phone" LIKE '00%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the separators are gone, and digits are a form the earlier code stored too.
        }
    }
}
