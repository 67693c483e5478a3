using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganizationAliases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Aliases",
                table: "Organizations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            // Search text no longer keeps dots, so that ทน. and ทน find the same records (SearchTextBuilder).
            foreach (var table in new[] { "Organizations", "People", "Meetings", "ActionItems", "ApprovedMinutes" })
                migrationBuilder.Sql($"UPDATE \"{table}\" SET \"SearchText\" = REPLACE(\"SearchText\", '.', '')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "Organizations");
        }
    }
}
