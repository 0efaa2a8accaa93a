using ExercisePlanner.Core.Audit;

namespace ExercisePlanner.Core.Persistence;

/// <summary>The planner's tables, compared with the audit trail by <c>audit verify</c>.</summary>
public sealed class PlannerAuditedTables(PlannerDbContext db, AuditKeyring keyring, TimeProvider clock) : IAuditedTables
{
    public Task<List<string>> CompareAsync(AuditedState state, CancellationToken cancellationToken) =>
        state.CompareAsync(db, AuditedEntities.Model, cancellationToken);

    /// <summary>Enters the records the trail does not know as found (<see cref="AuditedState.BaselineAsync"/>), under the writer lock.</summary>
    public async Task<int> BaselineAsync(AuditScope scope, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.BeginWriteAsync(cancellationToken) : null;
        var recorded = await AuditedState.BaselineAsync(db, AuditedEntities.Model, scope, clock.GetUtcNow(), keyring.Key, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return recorded;
    }
}
