using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I15ReportSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActionItems_MeetingId",
                table: "ActionItems");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_MeetingId_DueDate_Status_DeletedAt",
                table: "ActionItems",
                columns: new[] { "MeetingId", "DueDate", "Status", "DeletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActionItems_MeetingId_DueDate_Status_DeletedAt",
                table: "ActionItems");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_MeetingId",
                table: "ActionItems",
                column: "MeetingId");
        }
    }
}
