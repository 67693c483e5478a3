using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Postgres
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
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "EndTime",
                table: "ApprovedMinutes",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HostNameEn",
                table: "ApprovedMinutes",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HostNameTh",
                table: "ApprovedMinutes",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ApprovedMinutes",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "ApprovedMinutes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "ApprovedMinutes",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "StartTime",
                table: "ApprovedMinutes",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "ApprovedMinutes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TitleTh",
                table: "ApprovedMinutes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VenueEn",
                table: "ApprovedMinutes",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VenueTh",
                table: "ApprovedMinutes",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ApprovedMinutesOrganizations",
                columns: table => new
                {
                    ApprovedMinutesId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovedMinutesOrganizations", x => new { x.ApprovedMinutesId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_ApprovedMinutesOrganizations_ApprovedMinutes_ApprovedMinute~",
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
            migrationBuilder.Sql("""
                UPDATE "ApprovedMinutes" v SET
                    "Kind" = CASE src.d ->> 'Kind' WHEN '0' THEN 'Workshop' WHEN '1' THEN 'SiteVisit' WHEN '2' THEN 'Consultation' WHEN '3' THEN 'CourtesyVisit' WHEN '4' THEN 'Seminar' ELSE src.d ->> 'Kind' END,
                    "TitleTh" = coalesce(src.d ->> 'TitleTh', ''),
                    "TitleEn" = coalesce(src.d ->> 'TitleEn', ''),
                    "Number" = (src.d ->> 'Number')::integer,
                    "Date" = (src.d ->> 'Date')::date,
                    "StartTime" = (src.d ->> 'StartTime')::time,
                    "EndTime" = (src.d ->> 'EndTime')::time,
                    "VenueTh" = coalesce(src.d -> 'Venue' ->> 'Th', ''),
                    "VenueEn" = coalesce(src.d -> 'Venue' ->> 'En', ''),
                    "HostNameTh" = coalesce(src.d -> 'Host' ->> 'Th', ''),
                    "HostNameEn" = coalesce(src.d -> 'Host' ->> 'En', ''),
                    "SearchText" = lower(concat_ws(' ',
                        NULLIF(trim(src.d ->> 'TitleTh'), ''), NULLIF(trim(src.d ->> 'TitleEn'), ''),
                        NULLIF(trim(src.d -> 'Venue' ->> 'Th'), ''), NULLIF(trim(src.d -> 'Venue' ->> 'En'), ''),
                        NULLIF(trim(src.d ->> 'ObjectivesTh'), ''), NULLIF(trim(src.d ->> 'ObjectivesEn'), ''),
                        NULLIF(trim(src.d -> 'Host' ->> 'Th'), ''), NULLIF(trim(src.d -> 'Host' ->> 'En'), ''),
                        (SELECT NULLIF(string_agg(concat_ws(' ', NULLIF(trim(c ->> 'Th'), ''), NULLIF(trim(c ->> 'En'), '')), ' ' ORDER BY n), '')
                         FROM jsonb_array_elements(src.d -> 'CoHosts') WITH ORDINALITY AS cohost(c, n))))
                FROM (SELECT "Id", "Document"::jsonb AS d FROM "ApprovedMinutes") src
                WHERE src."Id" = v."Id";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ApprovedMinutesOrganizations" ("ApprovedMinutesId", "OrganizationId")
                SELECT DISTINCT v."Id", (a ->> 'OrganizationId')::integer
                FROM "ApprovedMinutes" v CROSS JOIN LATERAL jsonb_array_elements(v."Document"::jsonb -> 'Attendees') a
                WHERE a ->> 'Status' IN ('0', '1', 'Present', 'OnBehalf')
                    AND (a ->> 'OrganizationId')::integer IN (SELECT "Id" FROM "Organizations");
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
