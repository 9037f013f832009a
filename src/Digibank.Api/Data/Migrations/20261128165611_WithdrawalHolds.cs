using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digibank.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class WithdrawalHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WithdrawalHolds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CoursesToWithdraw = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveCourses = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WithdrawalHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WithdrawalHolds_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HeldCourses",
                columns: table => new
                {
                    WithdrawalHoldId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldCourses", x => new { x.WithdrawalHoldId, x.CourseId });
                    table.ForeignKey(
                        name: "FK_HeldCourses_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HeldCourses_WithdrawalHolds_WithdrawalHoldId",
                        column: x => x.WithdrawalHoldId,
                        principalTable: "WithdrawalHolds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HeldCourses_CourseId",
                table: "HeldCourses",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_WithdrawalHolds_PartnerId",
                table: "WithdrawalHolds",
                column: "PartnerId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldCourses");

            migrationBuilder.DropTable(
                name: "WithdrawalHolds");
        }
    }
}
