using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// A proposal read before the unit of work takes the writer lock, with what was checked of it then, so that reading
/// and checking a large proposal keeps no other writer waiting. Under the lock it is used only if its version is
/// still the stored one (every change of a proposal raises its version); otherwise it is read again.
/// One per unit of work (scoped).
/// </summary>
public sealed class ProposalReadAhead(PlannerDbContext db)
{
    private Proposal? _read;

    /// <summary>The workflow the proposal read ahead will run, once every check before the lock held for it; else null.</summary>
    public WorkflowDefinition? Definition { get; private set; }

    public async Task<Proposal?> ReadAsync(string code, CancellationToken cancellationToken)
    {
        Definition = null;
        return _read = await db.Proposals.AsNoTracking().Include(p => p.Revisions).SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
    }

    public void Checked(WorkflowDefinition definition) => Definition = _read is null ? null : definition;

    /// <summary>
    /// Under the lock: the proposal read ahead, now tracked, if nobody changed it meanwhile (<paramref name="unchanged"/>);
    /// else as stored now.
    /// </summary>
    public async Task<(Proposal Proposal, bool Unchanged)> RequireAsync(string code, CancellationToken cancellationToken)
    {
        // Not if this unit of work already tracks the proposal (it would be two records for one).
        if (_read is { } read && read.Code == code && db.ChangeTracker.Entries<Proposal>().All(e => e.Entity.Id != read.Id)
            && await db.Proposals.Where(p => p.Id == read.Id).Select(p => (int?)p.Version).SingleOrDefaultAsync(cancellationToken) == read.Version)
        {
            db.Attach(read);
            return (read, true);
        }
        return (await db.RequireProposalAsync(code, cancellationToken), false);
    }
}
