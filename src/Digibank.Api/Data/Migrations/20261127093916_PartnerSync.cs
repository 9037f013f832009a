using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digibank.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartnerSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "SignUps",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceHash",
                table: "Courses",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PartnerKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerKeys_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignUpChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SignUpId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WaitlistPosition = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignUpChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignUpChanges_SignUps_SignUpId",
                        column: x => x.SignUpId,
                        principalTable: "SignUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    PluginName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OffersCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    OffersUpdated = table.Column<int>(type: "INTEGER", nullable: false),
                    OffersUnchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    OffersWithdrawn = table.Column<int>(type: "INTEGER", nullable: false),
                    OffersRejected = table.Column<int>(type: "INTEGER", nullable: false),
                    SignUpsReceived = table.Column<int>(type: "INTEGER", nullable: false),
                    SignUpChangesDelivered = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_CourseId_ExternalId",
                table: "SignUps",
                columns: new[] { "CourseId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerKeys_KeyHash",
                table: "PartnerKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerKeys_PartnerId",
                table: "PartnerKeys",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_SignUpChanges_PartnerId_Id",
                table: "SignUpChanges",
                columns: new[] { "PartnerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SignUpChanges_SignUpId",
                table: "SignUpChanges",
                column: "SignUpId");

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_PartnerId_StartedAt",
                table: "SyncRuns",
                columns: new[] { "PartnerId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartnerKeys");

            migrationBuilder.DropTable(
                name: "SignUpChanges");

            migrationBuilder.DropTable(
                name: "SyncRuns");

            migrationBuilder.DropIndex(
                name: "IX_SignUps_CourseId_ExternalId",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "SourceHash",
                table: "Courses");
        }
    }
}
