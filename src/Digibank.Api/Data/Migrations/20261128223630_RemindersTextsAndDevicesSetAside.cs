using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digibank.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class RemindersTextsAndDevicesSetAside : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_EventSequence_ParticipantId_Reason",
                table: "Notifications");

            migrationBuilder.AddColumn<string>(
                name: "CancellationTokenHash",
                table: "Reservations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmedAt",
                table: "Reservations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeviceId",
                table: "Reservations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReadyUntil",
                table: "Reservations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SmsConsentGivenAt",
                table: "Participants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Occasion",
                table: "Notifications",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "CollectWithinDays",
                table: "LoanRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<int>(
                name: "MaxOpenLoans",
                table: "LoanRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_DeviceId",
                table: "Reservations",
                column: "DeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_Status_ReadyUntil",
                table: "Reservations",
                columns: new[] { "Status", "ReadyUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_EventSequence_ParticipantId_Reason_Occasion",
                table: "Notifications",
                columns: new[] { "EventSequence", "ParticipantId", "Reason", "Occasion" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reservations_DeviceId",
                table: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_Reservations_Status_ReadyUntil",
                table: "Reservations");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_EventSequence_ParticipantId_Reason_Occasion",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "CancellationTokenHash",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "DeviceId",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "ReadyUntil",
                table: "Reservations");

            migrationBuilder.DropColumn(
                name: "SmsConsentGivenAt",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "Occasion",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "CollectWithinDays",
                table: "LoanRules");

            migrationBuilder.DropColumn(
                name: "MaxOpenLoans",
                table: "LoanRules");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_EventSequence_ParticipantId_Reason",
                table: "Notifications",
                columns: new[] { "EventSequence", "ParticipantId", "Reason" },
                unique: true);
        }
    }
}
