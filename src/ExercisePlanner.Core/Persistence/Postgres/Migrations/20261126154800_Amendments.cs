using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExercisePlanner.Core.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Amendments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Amendment",
                table: "Proposals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "InForceRevision",
                table: "Proposals",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Amendment",
                table: "ProposalRevisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Proposals approved before amendments existed: the approved revision is the one in force.
            migrationBuilder.Sql("""UPDATE "Proposals" SET "InForceRevision" = "Revision" WHERE "Status" = 'Approved'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Amendment",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "InForceRevision",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "Amendment",
                table: "ProposalRevisions");
        }
    }
}
