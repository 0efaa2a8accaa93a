using ExercisePlanner.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExercisePlanner.Core.Persistence.Postgres;

/// <summary>The planner's state on a PostgreSQL server shared by several nodes; its migrations are in <c>Migrations/</c> beside it.</summary>
public sealed class PostgresPlannerDbContext(DbContextOptions<PostgresPlannerDbContext> options, AuditScope auditScope, TimeProvider clock, WriterGate writers, AuditKeyring keyring)
    : PlannerDbContext(options, auditScope, clock, writers, keyring);

/// <summary>Lets <c>dotnet ef migrations add --context PostgresPlannerDbContext</c> build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlannerDbContext>
{
    public PostgresPlannerDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresPlannerDbContext>().UseNpgsql("Host=localhost;Database=design").Options, new AuditScope(), TimeProvider.System, new WriterGate(),
        new AuditKeyring(AuditKeySettings.FromEnvironment(), DatabaseSettings.Sqlite("design.db")));
}
