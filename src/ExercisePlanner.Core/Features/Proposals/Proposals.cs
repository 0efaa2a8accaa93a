using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

internal static class Proposals
{
    public static async Task<Proposal> RequireProposalAsync(this PlannerDbContext db, string code, CancellationToken cancellationToken) =>
        await db.Proposals.Include(p => p.Revisions).SingleOrDefaultAsync(p => p.Code == code, cancellationToken)
        ?? throw new NotFoundException($"no proposal with code '{code}'");

    /// <summary>The content as submitted in one revision; a revision that does not exist is bad input named by <paramref name="path"/>.</summary>
    public static ProposalContent RevisionContent(this Proposal proposal, int number, string path) =>
        proposal.Revisions.SingleOrDefault(r => r.Number == number)?.Content
        ?? throw new InvalidInputException(path, proposal.Revisions.Count == 0
            ? $"proposal {proposal.Code} has not been submitted yet, so it has no revisions"
            : $"proposal {proposal.Code} has no revision {number}; its revisions are 1 to {proposal.Revisions.Max(r => r.Number)}");

    /// <summary>The coordinator who drafted a proposal, while they hold the role, or an admin: those who may change it.</summary>
    public static bool Coordinates(this User actor, Proposal proposal) =>
        actor.CanSee(proposal) && ((actor.Name == proposal.Coordinator && actor.HasRole(User.Coordinator)) || actor.HasRole(User.Admin));

    /// <summary>
    /// Only the coordinator who drafted a proposal, or an admin, may change it. Those who may not see it
    /// learn nothing (not found); the others are not told who the coordinator is.
    /// </summary>
    public static void RequireCoordinatorOf(this User actor, Proposal proposal)
    {
        actor.RequireSight(proposal);
        if (actor.Coordinates(proposal)) return;
        throw new ForbiddenException(actor.Name == proposal.Coordinator
            ? $"{actor.Name} no longer holds the coordinator role, so may not change proposal {proposal.Code}; an administrator can give it back"
            : $"only the coordinator of proposal {proposal.Code} may change it");
    }
}
