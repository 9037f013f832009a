using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digibank.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Regions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WithdrawalHolds_PartnerId",
                table: "WithdrawalHolds");

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "WithdrawalHolds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "SignUps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "Reservations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "Participants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Municipalities",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Municipalities",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "Municipalities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "Loans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "HelpRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "HelpPoints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "Devices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "Courses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "CallTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "PartnerRegions",
                columns: table => new
                {
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerRegions", x => new { x.PartnerId, x.RegionId });
                    table.ForeignKey(
                        name: "FK_PartnerRegions_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegionCoordinators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    NamedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionCoordinators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SmallGroupThreshold = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Regions",
                columns: new[] { "Id", "Code", "Name", "SmallGroupThreshold" },
                values: new object[] { 1, "poperinge", "Digibank regio Poperinge", 5 });

            // Everything stored before regions belongs to the one region the deployment served: the first.
            migrationBuilder.Sql("INSERT INTO \"PartnerRegions\" (\"PartnerId\", \"RegionId\") SELECT \"Id\", 1 FROM \"Partners\";");

            migrationBuilder.CreateIndex(
                name: "IX_WithdrawalHolds_PartnerId_RegionId",
                table: "WithdrawalHolds",
                columns: new[] { "PartnerId", "RegionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_RegionId",
                table: "SignUps",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_RegionId_Status",
                table: "Reservations",
                columns: new[] { "RegionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_RegionId",
                table: "Participants",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RegionId",
                table: "Notifications",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Municipalities_RegionId",
                table: "Municipalities",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Loans_RegionId_ReturnedAt",
                table: "Loans",
                columns: new[] { "RegionId", "ReturnedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_RegionId",
                table: "HelpRequests",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpPoints_RegionId",
                table: "HelpPoints",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Devices_RegionId",
                table: "Devices",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_RegionId_Status",
                table: "Courses",
                columns: new[] { "RegionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CallTasks_RegionId",
                table: "CallTasks",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerRegions_RegionId",
                table: "PartnerRegions",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_RegionCoordinators_RegionId_Email",
                table: "RegionCoordinators",
                columns: new[] { "RegionId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Code",
                table: "Regions",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartnerRegions");

            migrationBuilder.DropTable(
                name: "RegionCoordinators");

            migrationBuilder.DropTable(
                name: "Regions");

            migrationBuilder.DropIndex(
                name: "IX_WithdrawalHolds_PartnerId_RegionId",
                table: "WithdrawalHolds");

            migrationBuilder.DropIndex(
                name: "IX_SignUps_RegionId",
                table: "SignUps");

            migrationBuilder.DropIndex(
                name: "IX_Reservations_RegionId_Status",
                table: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_Participants_RegionId",
                table: "Participants");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RegionId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Municipalities_RegionId",
                table: "Municipalities");

            migrationBuilder.DropIndex(
                name: "IX_Loans_RegionId_ReturnedAt",
                table: "Loans");

            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_RegionId",
                table: "HelpRequests");

            migrationBuilder.DropIndex(
                name: "IX_HelpPoints_RegionId",
                table: "HelpPoints");

            migrationBuilder.DropIndex(
                name: "IX_Devices_RegionId",
                table: "Devices");

            migrationBuilder.DropIndex(
                name: "IX_Courses_RegionId_Status",
                table: "Courses");

            migrationBuilder.DropIndex(
                name: "IX_CallTasks_RegionId",
                table: "CallTasks");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "WithdrawalHolds");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "SignUps");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "Loans");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "HelpRequests");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "HelpPoints");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "Courses");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "CallTasks");

            migrationBuilder.CreateIndex(
                name: "IX_WithdrawalHolds_PartnerId",
                table: "WithdrawalHolds",
                column: "PartnerId",
                unique: true);
        }
    }
}
