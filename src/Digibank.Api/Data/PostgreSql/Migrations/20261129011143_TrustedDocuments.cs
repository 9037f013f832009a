using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digibank.Api.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TrustedDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrustedDocuments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(71)", maxLength: 71, nullable: false),
                    Query = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: false),
                    Set = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustedDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrustedDocuments_Set",
                table: "TrustedDocuments",
                column: "Set");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrustedDocuments");
        }
    }
}
