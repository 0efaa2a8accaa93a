using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>Checks a draft against every rule, freezes it as a revision and starts its approval workflow.</summary>
public sealed record SubmitProposal(string Code, string Actor) : ICommand<ProposalSummary>, IActorRequest;

public sealed class SubmitProposalHandler(PlannerDbContext db, WorkflowDefinitions workflows, Notifier notifier, TimeProvider clock) : ICommandHandler<SubmitProposal, ProposalSummary>
{
    public async ValueTask<ProposalSummary> Handle(SubmitProposal command, CancellationToken cancellationToken)
    {
        var actor = await db.RequireUserAsync(command.Actor, cancellationToken);
        var proposal = await db.RequireProposalAsync(command.Code, cancellationToken);
        actor.RequireCoordinatorOf(proposal);

        var now = clock.GetUtcNow();
        ProposalContentValidator.Require(proposal.Content, ProposalRules.Complete, proposal.Code, DateOnly.FromDateTime(now.UtcDateTime));
        if (proposal.IsAmending && ProposalChanges.Between(proposal.InForce!.Content, proposal.Content).Count == 0)
            throw new InvalidInputException("", $"amendment {proposal.Amendment} of {proposal.Code} changes nothing yet; change the proposal before submitting it");
        await workflows.RequireStaffedAsync(db, proposal, cancellationToken);
        proposal.Submit(actor.Name, now);
        // A new instance for every revision: approvals of an earlier revision never carry over.
        var instance = await workflows.StartAsync(db, proposal, actor.Name, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // the opened steps get their ids, for the links
        await notifier.TellHoldersAsync(db, proposal, instance.Steps, StepNotices.Opened, actor.Name, cancellationToken);
        if (instance.Status == InstanceStatus.Approved)
            await notifier.TellOutcomeAsync(db, proposal, ProposalStatus.Approved, actor, null, cancellationToken);
        return ProposalSummary.From(proposal);
    }
}
