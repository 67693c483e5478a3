using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Letters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HeadPositionEn",
                table: "Organizations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeadPositionTh",
                table: "Organizations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InvitationLetterTexts",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ReferenceTh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReferenceEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PurposeTh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PurposeEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EnclosuresTh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EnclosuresEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvitationLetterTexts", x => x.MeetingId);
                    table.ForeignKey(
                        name: "FK_InvitationLetterTexts_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IssuedLetters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuedLetters_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuedLetters_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Letterheads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SenderTh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SenderEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AddressTh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AddressEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NumberPrefixTh = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    NumberPrefixEn = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SignatoryTh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SignatoryEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SignatoryPositionTh = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SignatoryPositionEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ContactTh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ContactEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Logo = table.Column<byte[]>(type: "bytea", maxLength: 204800, nullable: true),
                    LogoContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Letterheads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IssuedLetters_MeetingId_OrganizationId",
                table: "IssuedLetters",
                columns: new[] { "MeetingId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedLetters_OrganizationId",
                table: "IssuedLetters",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedLetters_Year_Number",
                table: "IssuedLetters",
                columns: new[] { "Year", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InvitationLetterTexts");

            migrationBuilder.DropTable(
                name: "IssuedLetters");

            migrationBuilder.DropTable(
                name: "Letterheads");

            migrationBuilder.DropColumn(
                name: "HeadPositionEn",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "HeadPositionTh",
                table: "Organizations");
        }
    }
}
