using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using Mediator;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>Its coordinator turns a withdrawn or rejected proposal back into a draft; resubmitting it makes the next revision.</summary>
public sealed record ReopenProposal(string Code, string Actor) : ICommand<ProposalSummary>, IActorRequest;

public sealed class ReopenProposalHandler(PlannerDbContext db, TimeProvider clock) : ICommandHandler<ReopenProposal, ProposalSummary>
{
    public async ValueTask<ProposalSummary> Handle(ReopenProposal command, CancellationToken cancellationToken)
    {
        var actor = await db.RequireUserAsync(command.Actor, cancellationToken);
        var proposal = await db.RequireProposalAsync(command.Code, cancellationToken);
        actor.RequireCoordinatorOf(proposal);
        proposal.Reopen(clock.GetUtcNow());
        return ProposalSummary.From(proposal);
    }
}
