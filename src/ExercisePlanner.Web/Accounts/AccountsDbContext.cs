using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Web.Accounts;

/// <summary>
/// Sign-in credentials (ASP.NET Core Identity) in the same database as the planner's data. Identity
/// only proves who someone is; their nation and roles come from the planner's user record of the same name.
/// The Data Protection keys that sign cookies and bearer tokens live here too, so every web node over one
/// database accepts what another issued. Abstract because each provider keeps its own migrations, found by the subclass.
/// Its writes (a failed sign-in's count, a new key) queue behind the planner's writers like any other
/// (<see cref="WriteTransaction"/>): on SQLite they would otherwise fail with "database is locked" once a long write outlasted the busy timeout.
/// </summary>
/// Every change is audited in the planner's trail (<see cref="AuditedAccounts"/>), inside the same writer transaction.
public abstract class AccountsDbContext(DbContextOptions options, WriterGate writers, AccountsAudit audit)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        AuditTrail.Map(builder, ownsTable: false);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null) return await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var transaction = await WriteTransaction.BeginAsync(Database, writers, cancellationToken);
        var written = await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        await audit.AppendAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Data Protection's key store saves synchronously, once per new key (every 90 days).
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
}

/// <summary>For the design-time factories: building the model needs no key.</summary>
internal static class DesignTime
{
    public static AccountsAudit Audit => new(new AuditScope(), TimeProvider.System,
        new AuditKeyring(AuditKeySettings.FromEnvironment(), DatabaseSettings.Sqlite("design.db")));
}
