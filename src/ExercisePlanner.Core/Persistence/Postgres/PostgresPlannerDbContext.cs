using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExercisePlanner.Core.Persistence.Postgres;

/// <summary>The planner's state on a PostgreSQL server shared by several nodes; its migrations are in <c>Migrations/</c> beside it.</summary>
public sealed class PostgresPlannerDbContext(DbContextOptions<PostgresPlannerDbContext> options, AuditScope auditScope, TimeProvider clock, WriterGate writers, AuditKeyring keyring)
    : PlannerDbContext(options, auditScope, clock, writers, keyring)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        // Large values are compressed with LZ4 rather than PostgreSQL's default pglz: a proposal's content at every
        // list limit (370 KB) took pglz several milliseconds each time it was written, under the writer lock
        // (docs/benchmarks.md). Needs PostgreSQL 14 or later built with LZ4, as the distributions' packages are.
        model.Entity<Proposal>().Property(p => p.Content).UseCompressionMethod("lz4");
        model.Entity<ProposalRevision>().Property(r => r.Content).UseCompressionMethod("lz4");
        model.Entity<StoredDocument>().Property(d => d.Content).UseCompressionMethod("lz4");
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgresPlannerDbContext</c> build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlannerDbContext>
{
    public PostgresPlannerDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresPlannerDbContext>().UseNpgsql("Host=localhost;Database=design").Options, new AuditScope(), TimeProvider.System, new WriterGate(),
        new AuditKeyring(AuditKeySettings.FromEnvironment(), DatabaseSettings.Sqlite("design.db")));
}
