using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExercisePlanner.Core.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WithdrawalReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Proposals",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Proposals");
        }
    }
}
