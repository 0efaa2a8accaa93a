using ExercisePlanner.Core.Persistence;
using Mediator;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>What changed between two submitted revisions of a proposal (either order), field by field and row by row.</summary>
public sealed record CompareRevisions(string Code, int From, int To, string? Viewer = null) : IQuery<RevisionComparison>;

public sealed record RevisionComparison(string Proposal, int From, int To, IReadOnlyList<FieldChange> Fields, IReadOnlyList<ListChange> Lists);

public sealed class CompareRevisionsHandler(PlannerDbContext db) : IQueryHandler<CompareRevisions, RevisionComparison>
{
    public async ValueTask<RevisionComparison> Handle(CompareRevisions query, CancellationToken cancellationToken)
    {
        var (proposal, viewer) = await db.ViewProposalAsync(query.Code, query.Viewer, cancellationToken);
        viewer.RequireContent(proposal);
        var diff = ProposalChanges.Compare(proposal.RevisionContent(query.From, "--from"), proposal.RevisionContent(query.To, "--to"));
        return new RevisionComparison(proposal.Code, query.From, query.To, diff.Fields, diff.Lists);
    }
}
