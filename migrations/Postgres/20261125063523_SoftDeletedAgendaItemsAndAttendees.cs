using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SoftDeletedAgendaItemsAndAttendees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Attendees_MeetingId_PersonId",
                table: "Attendees");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "Attendees",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "AgendaItems",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attendees_MeetingId_PersonId",
                table: "Attendees",
                columns: new[] { "MeetingId", "PersonId" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Attendees_MeetingId_PersonId",
                table: "Attendees");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Attendees");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "AgendaItems");

            migrationBuilder.CreateIndex(
                name: "IX_Attendees_MeetingId_PersonId",
                table: "Attendees",
                columns: new[] { "MeetingId", "PersonId" },
                unique: true);
        }
    }
}
