using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digibank.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CounterLending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Accessories",
                table: "Loans",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "AccessoriesReturned",
                table: "Loans",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Accessories",
                table: "Loans");

            migrationBuilder.DropColumn(
                name: "AccessoriesReturned",
                table: "Loans");
        }
    }
}
