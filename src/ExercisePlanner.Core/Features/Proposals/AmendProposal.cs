using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using Mediator;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// Opens an amendment of an approved proposal: its content becomes a draft of the next revision, which the
/// coordinator edits and submits as usual; the approved revision stays in force until the amendment is approved.
/// </summary>
public sealed record AmendProposal(string Code, string Actor) : ICommand<ProposalSummary>, IActorRequest;

public sealed class AmendProposalHandler(PlannerDbContext db, TimeProvider clock) : ICommandHandler<AmendProposal, ProposalSummary>
{
    public async ValueTask<ProposalSummary> Handle(AmendProposal command, CancellationToken cancellationToken)
    {
        var actor = await db.RequireUserAsync(command.Actor, cancellationToken);
        var proposal = await db.RequireProposalAsync(command.Code, cancellationToken);
        actor.RequireCoordinatorOf(proposal);
        proposal.Amend(clock.GetUtcNow());
        return ProposalSummary.From(proposal);
    }
}
