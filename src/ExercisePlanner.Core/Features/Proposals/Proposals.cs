using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

internal static class Proposals
{
    public static async Task<Proposal> RequireProposalAsync(this PlannerDbContext db, string code, CancellationToken cancellationToken) =>
        await db.Proposals.Include(p => p.Revisions).SingleOrDefaultAsync(p => p.Code == code, cancellationToken)
        ?? throw new NotFoundException($"no proposal with code '{code}'");

    /// <summary>
    /// Only the coordinator who drafted a proposal, or an admin, may change it. Those who may not see it
    /// learn nothing (not found); the others are not told who the coordinator is.
    /// </summary>
    public static void RequireCoordinatorOf(this User actor, Proposal proposal)
    {
        actor.RequireSight(proposal);
        if (actor.Name != proposal.Coordinator && !actor.HasRole(User.Admin))
            throw new ForbiddenException($"only the coordinator of proposal {proposal.Code} may change it");
    }
}
