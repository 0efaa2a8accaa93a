using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExercisePlanner.Web.Accounts.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditedAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
