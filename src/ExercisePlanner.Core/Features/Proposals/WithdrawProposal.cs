using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Workflows.Runtime;
using ExercisePlanner.Core.Persistence;
using Mediator;

namespace ExercisePlanner.Core.Features.Proposals;

public sealed record WithdrawProposal(string Code, string Actor) : ICommand<ProposalSummary>, IActorRequest;

public sealed class WithdrawProposalHandler(PlannerDbContext db, TimeProvider clock) : ICommandHandler<WithdrawProposal, ProposalSummary>
{
    public async ValueTask<ProposalSummary> Handle(WithdrawProposal command, CancellationToken cancellationToken)
    {
        var actor = await db.RequireUserAsync(command.Actor, cancellationToken);
        var proposal = await db.RequireProposalAsync(command.Code, cancellationToken);
        actor.RequireCoordinatorOf(proposal);
        var now = clock.GetUtcNow();
        proposal.Withdraw(now);
        if (await db.RunningInstanceAsync(proposal.Code, cancellationToken) is { } instance) WorkflowEngine.Withdraw(instance, now);
        return ProposalSummary.From(proposal);
    }
}
