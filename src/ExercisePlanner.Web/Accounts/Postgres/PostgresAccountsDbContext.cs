using ExercisePlanner.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExercisePlanner.Web.Accounts.Postgres;

public sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options, WriterGate writers, AccountsAudit audit)
    : AccountsDbContext(options, writers, audit);

/// <summary>Lets <c>dotnet ef migrations add --context PostgresAccountsDbContext</c> build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAccountsDbContext>
{
    public PostgresAccountsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAccountsDbContext>().UseNpgsql("Host=localhost;Database=design").Options, new WriterGate(), DesignTime.Audit);
}
