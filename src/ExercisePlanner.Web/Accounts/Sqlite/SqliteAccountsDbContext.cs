using ExercisePlanner.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExercisePlanner.Web.Accounts.Sqlite;

public sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options, WriterGate writers, AccountsAudit audit)
    : AccountsDbContext(options, writers, audit);

/// <summary>Lets <c>dotnet ef migrations add --context SqliteAccountsDbContext</c> build the model without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAccountsDbContext>
{
    public SqliteAccountsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAccountsDbContext>().UseSqlite("Data Source=design.db").Options, new WriterGate(), DesignTime.Audit);
}
