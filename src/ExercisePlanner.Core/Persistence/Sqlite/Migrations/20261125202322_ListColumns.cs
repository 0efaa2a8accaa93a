using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExercisePlanner.Core.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowSteps_Nation_Status",
                table: "WorkflowSteps");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndDate",
                table: "Proposals",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Proposals",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartDate",
                table: "Proposals",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "Proposals",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ProposalNations",
                columns: table => new
                {
                    Nation = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalNations", x => new { x.ProposalId, x.Nation });
                    table.ForeignKey(
                        name: "FK_ProposalNations_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowSteps_Nation_Status_DueAt",
                table: "WorkflowSteps",
                columns: new[] { "Nation", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalNations_Nation_ProposalId",
                table: "ProposalNations",
                columns: new[] { "Nation", "ProposalId" });

            // Proposals stored before these columns existed: copy them from the content's JSON.
            migrationBuilder.Sql("""
                UPDATE "Proposals" SET
                    "Name" = json_extract("Content", '$.name'), "Type" = json_extract("Content", '$.type'),
                    "StartDate" = json_extract("Content", '$.startDate'), "EndDate" = json_extract("Content", '$.endDate');
                INSERT OR IGNORE INTO "ProposalNations" ("ProposalId", "Nation")
                    SELECT p."Id", json_extract(participant.value, '$.nation') FROM "Proposals" p, json_each(p."Content", '$.participants') participant;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProposalNations");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowSteps_Nation_Status_DueAt",
                table: "WorkflowSteps");

            migrationBuilder.DropColumn(
                name: "EndDate",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "StartDate",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "Proposals");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowSteps_Nation_Status",
                table: "WorkflowSteps",
                columns: new[] { "Nation", "Status" });
        }
    }
}
