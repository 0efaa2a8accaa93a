using ExercisePlanner.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExercisePlanner.Core.Persistence.Sqlite;

/// <summary>The planner's state in an SQLite file; its migrations are in <c>Migrations/</c> beside it.</summary>
public sealed class SqlitePlannerDbContext(DbContextOptions<SqlitePlannerDbContext> options, AuditScope auditScope, TimeProvider clock, WriterGate writers, AuditKeyring keyring)
    : PlannerDbContext(options, auditScope, clock, writers, keyring);

/// <summary>Lets <c>dotnet ef migrations add --context SqlitePlannerDbContext</c> build the model without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePlannerDbContext>
{
    public SqlitePlannerDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqlitePlannerDbContext>().UseSqlite("Data Source=design.db").Options, new AuditScope(), TimeProvider.System, new WriterGate(),
        new AuditKeyring(AuditKeySettings.FromEnvironment(), DatabaseSettings.Sqlite("design.db")));
}
