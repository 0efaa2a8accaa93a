using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Mediator;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// A proposal's current content as its editor needs it: the version it was read at (sent back on save,
/// the API's ETag) and what still stands between it and submission (the checklist).
/// </summary>
public sealed record EditProposal(string Code, string Viewer) : IQuery<EditableProposal>;

/// <param name="Content">Null when the proposal is not releasable to the viewer's nation.</param>
/// <param name="ToFix">Every rule a submission today would break, as sentences keyed by field; empty when ready (or withheld).</param>
/// <param name="WithdrawalReason">Why its coordinator withdrew it, while it stays withdrawn.</param>
public sealed record EditableProposal(ProposalContent? Content, ProposalStatus Status, string Coordinator, int Version,
    bool IsEditable, IReadOnlyList<Problem> ToFix, string? WithdrawalReason);

public sealed class EditProposalHandler(PlannerDbContext db, TimeProvider clock) : IQueryHandler<EditProposal, EditableProposal>
{
    public async ValueTask<EditableProposal> Handle(EditProposal query, CancellationToken cancellationToken)
    {
        var (proposal, viewer) = await db.ViewProposalAsync(query.Code, query.Viewer, cancellationToken);
        var content = viewer.MaySeeContent(proposal) ? proposal.Content : null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var toFix = proposal.IsEditable && content is not null ? ProposalContentValidator.Check(content, ProposalRules.Complete, today) : [];
        return new EditableProposal(content, proposal.Status, proposal.Coordinator, proposal.Version, proposal.IsEditable, toFix, proposal.WithdrawalReason);
    }
}
