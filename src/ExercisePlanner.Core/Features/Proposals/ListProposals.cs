using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>All proposals for the operator; for a signed-in viewer, those they may see.</summary>
public sealed record ListProposals(string? Viewer = null) : IQuery<IReadOnlyList<ProposalSummary>>;

public sealed record ProposalSummary(
    string Code, string Name, ExerciseType Type, ProposalStatus Status, int Revision, DateOnly StartDate, DateOnly EndDate)
{
    public static ProposalSummary From(Proposal p) =>
        new(p.Code, p.Content.Name, p.Content.Type, p.Status, p.Revision, p.Content.StartDate, p.Content.EndDate);
}

public sealed class ListProposalsHandler(PlannerDbContext db) : IQueryHandler<ListProposals, IReadOnlyList<ProposalSummary>>
{
    public async ValueTask<IReadOnlyList<ProposalSummary>> Handle(ListProposals query, CancellationToken cancellationToken)
    {
        var viewer = await db.ViewerAsync(query.Viewer, cancellationToken);
        var proposals = await db.Proposals.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken);
        return proposals.Where(viewer.CanSee).Select(ProposalSummary.From).ToList();
    }
}
