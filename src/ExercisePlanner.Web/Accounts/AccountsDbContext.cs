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
/// </summary>
public abstract class AccountsDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
