using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Audit;

/// <summary>The head of the audit trail as an <see cref="AuditAnchor"/>, to be kept outside the database.</summary>
public sealed record AnchorAudit : IQuery<AuditAnchor>;

public sealed class AnchorAuditHandler(PlannerDbContext db) : IQueryHandler<AnchorAudit, AuditAnchor>
{
    public async ValueTask<AuditAnchor> Handle(AnchorAudit query, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new AuditAnchor(e.Sequence, e.Hash)).FirstOrDefaultAsync(cancellationToken)
        ?? throw new InvalidInputException("audit", "the audit trail is empty: there is nothing to anchor yet");
}
