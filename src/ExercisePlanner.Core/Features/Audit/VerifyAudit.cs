using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Audit;

/// <summary>
/// Walks the audit trail in order and checks every link of its keyed chain; with an <paramref name="Anchor"/> kept
/// outside the database, also that the trail still holds that entry with that hash (nothing removed or rewritten after it).
/// Then compares the state the trail records with the tables: a row edited, added or deleted without an entry is named.
/// </summary>
public sealed record VerifyAudit(AuditAnchor? Anchor = null) : IQuery<AuditVerification>;

/// <param name="Differences">Where the tables differ from the trail, one sentence each.</param>
public sealed record AuditVerification(bool Intact, long Entries, string HeadHash, AuditBreak? FirstBreak, IReadOnlyList<string> Differences);

public sealed class VerifyAuditHandler(PlannerDbContext db, AuditKeyring keyring, IEnumerable<IAuditedTables> tables)
    : IQueryHandler<VerifyAudit, AuditVerification>
{
    public async ValueTask<AuditVerification> Handle(VerifyAudit query, CancellationToken cancellationToken)
    {
        // Under the writer lock: the trail and the tables are read at one moment, with no save landing in between.
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var firstBreak = AuditChain.FindBreak(entries, keyring.Key) ?? query.Anchor?.Check(entries);
        var head = entries.Count == 0 ? AuditChain.GenesisHash : entries[^1].Hash;
        var state = AuditedState.Replay(entries);
        var differences = new List<string>();
        foreach (var table in tables) differences.AddRange(await table.CompareAsync(state, cancellationToken));
        return new AuditVerification(firstBreak is null && differences.Count == 0, entries.Count, head, firstBreak, differences);
    }
}
