using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApprovedMinutesForPartners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "Date",
                table: "ApprovedMinutes",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "EndTime",
                table: "ApprovedMinutes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HostNameEn",
                table: "ApprovedMinutes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HostNameTh",
                table: "ApprovedMinutes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ApprovedMinutes",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "ApprovedMinutes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "ApprovedMinutes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartTime",
                table: "ApprovedMinutes",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "ApprovedMinutes",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TitleTh",
                table: "ApprovedMinutes",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VenueEn",
                table: "ApprovedMinutes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VenueTh",
                table: "ApprovedMinutes",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ApprovedMinutesOrganizations",
                columns: table => new
                {
                    ApprovedMinutesId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovedMinutesOrganizations", x => new { x.ApprovedMinutesId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_ApprovedMinutesOrganizations_ApprovedMinutes_ApprovedMinutesId",
                        column: x => x.ApprovedMinutesId,
                        principalTable: "ApprovedMinutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApprovedMinutesOrganizations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovedMinutesOrganizations_OrganizationId",
                table: "ApprovedMinutesOrganizations",
                column: "OrganizationId");

            // Existing approved versions get their columns and attending organizations from their own frozen documents
            // (MinutesDocument as JSON: enums as numbers, dates as yyyy-MM-dd), as ApprovedMinutes.Freeze fills new ones.
            // SQLite's lower() folds ASCII only; Thai has no case, so search text differs from C#'s only for accented Latin.
            migrationBuilder.Sql("""
                UPDATE "ApprovedMinutes" SET
                    "Kind" = CASE json_extract("Document", '$.Kind') WHEN 0 THEN 'Workshop' WHEN 1 THEN 'SiteVisit' WHEN 2 THEN 'Consultation' WHEN 3 THEN 'CourtesyVisit' WHEN 4 THEN 'Seminar' ELSE json_extract("Document", '$.Kind') END,
                    "TitleTh" = coalesce(json_extract("Document", '$.TitleTh'), ''),
                    "TitleEn" = coalesce(json_extract("Document", '$.TitleEn'), ''),
                    "Number" = json_extract("Document", '$.Number'),
                    "Date" = json_extract("Document", '$.Date'),
                    "StartTime" = json_extract("Document", '$.StartTime'),
                    "EndTime" = json_extract("Document", '$.EndTime'),
                    "VenueTh" = coalesce(json_extract("Document", '$.Venue.Th'), ''),
                    "VenueEn" = coalesce(json_extract("Document", '$.Venue.En'), ''),
                    "HostNameTh" = coalesce(json_extract("Document", '$.Host.Th'), ''),
                    "HostNameEn" = coalesce(json_extract("Document", '$.Host.En'), ''),
                    "SearchText" = lower(coalesce((
                        SELECT group_concat(trim(part.value), ' ') FROM (
                            SELECT p.key AS position, p.value FROM json_each(json_array(
                                json_extract("ApprovedMinutes"."Document", '$.TitleTh'), json_extract("ApprovedMinutes"."Document", '$.TitleEn'),
                                json_extract("ApprovedMinutes"."Document", '$.Venue.Th'), json_extract("ApprovedMinutes"."Document", '$.Venue.En'),
                                json_extract("ApprovedMinutes"."Document", '$.ObjectivesTh'), json_extract("ApprovedMinutes"."Document", '$.ObjectivesEn'),
                                json_extract("ApprovedMinutes"."Document", '$.Host.Th'), json_extract("ApprovedMinutes"."Document", '$.Host.En'))) p
                            UNION ALL
                            SELECT 100 + c.key * 2, json_extract(c.value, '$.Th') FROM json_each("ApprovedMinutes"."Document", '$.CoHosts') c
                            UNION ALL
                            SELECT 101 + c.key * 2, json_extract(c.value, '$.En') FROM json_each("ApprovedMinutes"."Document", '$.CoHosts') c
                            ORDER BY position) part
                        WHERE trim(coalesce(part.value, '')) <> ''), ''));
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ApprovedMinutesOrganizations" ("ApprovedMinutesId", "OrganizationId")
                SELECT DISTINCT v."Id", json_extract(a.value, '$.OrganizationId')
                FROM "ApprovedMinutes" v, json_each(v."Document", '$.Attendees') a
                WHERE json_extract(a.value, '$.Status') IN (0, 1, 'Present', 'OnBehalf')
                    AND json_extract(a.value, '$.OrganizationId') IN (SELECT "Id" FROM "Organizations");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovedMinutesOrganizations");

            migrationBuilder.DropColumn(
                name: "Date",
                table: "ApprovedMinutes");

            migrationBuilder.DropColumn(
                name: "EndTime",
                table: "ApprovedMinutes");

            migrationBuilder.DropColumn(
                name: "HostNameEn",
                table: "ApprovedMinutes");

            migrationBuilder.DropColumn(
                name: "HostNameTh",
                table: "ApprovedMinutes");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ApprovedMinutes");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "ApprovedMinutes");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "ApprovedMinutes");

            migrationBuilder.DropColumn(
                name: "StartTime",
                table: "ApprovedMinutes");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "ApprovedMinutes");

            migrationBuilder.DropColumn(
                name: "TitleTh",
                table: "ApprovedMinutes");

            migrationBuilder.DropColumn(
                name: "VenueEn",
                table: "ApprovedMinutes");

            migrationBuilder.DropColumn(
                name: "VenueTh",
                table: "ApprovedMinutes");
        }
    }
}
