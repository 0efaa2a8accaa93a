using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Web.Accounts;

/// <summary>The sign-in accounts' tables, compared with the audit trail when the web host verifies it.</summary>
public sealed class AccountsAuditedTables(AccountsDbContext accounts, WriterGate writers, AuditKeyring keyring, TimeProvider clock) : IAuditedTables
{
    public Task<List<string>> CompareAsync(AuditedState state, CancellationToken cancellationToken) =>
        state.CompareAsync(accounts, AuditedAccounts.Model, cancellationToken);

    /// <summary>
    /// Enters the accounts the trail does not know as found (<see cref="AuditedState.BaselineAsync"/>): the web host
    /// does it on the first start of a database whose trail has no account yet (accounts made before they were audited).
    /// </summary>
    public async Task BaselineIfNeverAuditedAsync(CancellationToken cancellationToken)
    {
        var types = AuditedAccounts.Model.Audited.Select(AuditTrail.TypeName).ToList();
        if (!await accounts.Set<AuditEntry>().AnyAsync(e => types.Contains(e.EntityType), cancellationToken)) await BaselineAsync(cancellationToken);
    }

    public async Task<int> BaselineAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(accounts.Database, writers, cancellationToken);
        var recorded = await AuditedState.BaselineAsync(accounts, AuditedAccounts.Model,
            new AuditScope { Actor = "system", Action = "Baseline" }, clock.GetUtcNow(), keyring.Key, cancellationToken);
        await accounts.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }
}
