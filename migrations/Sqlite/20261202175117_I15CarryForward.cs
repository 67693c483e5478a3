using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I15CarryForward : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Confirmation",
                table: "AgendaItems",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CorrectedVersion",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionsEn",
                table: "AgendaItems",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionsTh",
                table: "AgendaItems",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MattersArising",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "FollowsActionItemId",
                table: "ActionItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CarriedItemNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActionItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    NoteTh = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NoteEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarriedItemNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarriedItemNotes_ActionItems_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "ActionItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CarriedItemNotes_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_FollowsActionItemId",
                table: "ActionItems",
                column: "FollowsActionItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CarriedItemNotes_ActionItemId",
                table: "CarriedItemNotes",
                column: "ActionItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CarriedItemNotes_MeetingId_ActionItemId",
                table: "CarriedItemNotes",
                columns: new[] { "MeetingId", "ActionItemId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ActionItems_ActionItems_FollowsActionItemId",
                table: "ActionItems",
                column: "FollowsActionItemId",
                principalTable: "ActionItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Meetings already made from the standard agenda: its third item, เรื่องสืบเนื่อง, carries the open items.
            migrationBuilder.Sql("UPDATE \"AgendaItems\" SET \"MattersArising\" = 1 WHERE \"Position\" = 3 AND \"TopicTh\" = 'เรื่องสืบเนื่อง'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ActionItems_ActionItems_FollowsActionItemId",
                table: "ActionItems");

            migrationBuilder.DropTable(
                name: "CarriedItemNotes");

            migrationBuilder.DropIndex(
                name: "IX_ActionItems_FollowsActionItemId",
                table: "ActionItems");

            migrationBuilder.DropColumn(
                name: "Confirmation",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "CorrectedVersion",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "CorrectionsEn",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "CorrectionsTh",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "MattersArising",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "FollowsActionItemId",
                table: "ActionItems");
        }
    }
}
