using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digibank.Api.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CounterLending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "Accessories",
                table: "Loans",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string[]>(
                name: "AccessoriesReturned",
                table: "Loans",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);
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
