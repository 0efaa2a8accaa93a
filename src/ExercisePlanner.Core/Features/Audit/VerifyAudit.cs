using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Audit;

/// <summary>Walks the audit trail in order and checks every link of its hash chain.</summary>
public sealed record VerifyAudit : IQuery<AuditVerification>;

public sealed record AuditVerification(bool Intact, long Entries, string HeadHash, AuditBreak? FirstBreak);

public sealed class VerifyAuditHandler(PlannerDbContext db) : IQueryHandler<VerifyAudit, AuditVerification>
{
    public async ValueTask<AuditVerification> Handle(VerifyAudit query, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var firstBreak = AuditChain.FindBreak(entries);
        var head = entries.Count == 0 ? AuditChain.GenesisHash : entries[^1].Hash;
        return new AuditVerification(firstBreak is null, entries.Count, head, firstBreak);
    }
}
