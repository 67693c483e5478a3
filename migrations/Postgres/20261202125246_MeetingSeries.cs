using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MeetingSeries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SeriesId",
                table: "Meetings",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeetingSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    NameTh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    HostOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    DeletedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingSeries_Organizations_HostOrganizationId",
                        column: x => x.HostOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_SeriesId",
                table: "Meetings",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingSeries_HostOrganizationId",
                table: "MeetingSeries",
                column: "HostOrganizationId");

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_MeetingSeries_SeriesId",
                table: "Meetings",
                column: "SeriesId",
                principalTable: "MeetingSeries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Meetings leave their series before the series go: SQLite drops the table before the column.
            migrationBuilder.Sql("UPDATE \"Meetings\" SET \"SeriesId\" = NULL;");

            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_MeetingSeries_SeriesId",
                table: "Meetings");

            migrationBuilder.DropTable(
                name: "MeetingSeries");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_SeriesId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "Meetings");
        }
    }
}
