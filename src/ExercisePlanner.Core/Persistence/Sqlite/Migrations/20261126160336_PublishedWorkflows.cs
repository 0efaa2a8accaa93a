using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExercisePlanner.Core.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublishedWorkflows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "WorkflowDefinitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "WorkflowDefinitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SavedBy",
                table: "WorkflowDefinitions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Every version stored before run-time publishing came from the workflows folder and was in use at once.
            migrationBuilder.Sql("""UPDATE WorkflowDefinitions SET PublishedAt = FirstLoadedAt, PublishedBy = 'workflows folder', SavedBy = 'workflows folder'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "PublishedBy",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "SavedBy",
                table: "WorkflowDefinitions");
        }
    }
}
