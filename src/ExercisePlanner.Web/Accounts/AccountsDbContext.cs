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
public abstract class AccountsDbContext(DbContextOptions options, WriterGate writers) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var transaction = await WriteTransaction.BeginAsync(Database, writers, cancellationToken);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    // Data Protection's key store saves synchronously, once per new key (every 90 days).
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
}
