using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewLoopPeopleOnBehalf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "Meetings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedById",
                table: "Meetings",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AbsenceReasonEn",
                table: "Attendees",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OnBehalfOfPersonId",
                table: "Attendees",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PersonId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attendees_OnBehalfOfPersonId",
                table: "Attendees",
                column: "OnBehalfOfPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PersonId",
                table: "AspNetUsers",
                column: "PersonId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_People_PersonId",
                table: "AspNetUsers",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Attendees_People_OnBehalfOfPersonId",
                table: "Attendees",
                column: "OnBehalfOfPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Updates written before the timeline showed people kept only the author's sign-in name (the demo data not even
            // the account): tie them to their account so that the author's name is shown. The free-text "on behalf of"
            // stays where it is, as the fallback beside the person picked.
            migrationBuilder.Sql("""
                UPDATE "ActionItemUpdates" SET "AuthorUserId" =
                    (SELECT u."Id" FROM "AspNetUsers" u WHERE u."NormalizedUserName" = UPPER("ActionItemUpdates"."AuthorName"))
                WHERE "AuthorUserId" IS NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_People_PersonId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_Attendees_People_OnBehalfOfPersonId",
                table: "Attendees");

            migrationBuilder.DropIndex(
                name: "IX_Attendees_OnBehalfOfPersonId",
                table: "Attendees");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PersonId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SubmittedById",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "AbsenceReasonEn",
                table: "Attendees");

            migrationBuilder.DropColumn(
                name: "OnBehalfOfPersonId",
                table: "Attendees");

            migrationBuilder.DropColumn(
                name: "PersonId",
                table: "AspNetUsers");
        }
    }
}
