using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>Checks a draft against every rule, freezes it as a revision and starts its approval workflow.</summary>
public sealed record SubmitProposal(string Code, string Actor) : ICommand<ProposalSummary>, IActorRequest;

/// <summary>
/// Reads the proposal and checks its content against every rule before the writer lock (<see cref="ProposalReadAhead"/>):
/// the largest proposal takes milliseconds to read and check. Only its coordinator learns what is wrong with it; anyone
/// else is answered under the lock, as before, with "not found" or "only the coordinator".
/// </summary>
public sealed class SubmitProposalReadAhead(PlannerDbContext db, ProposalReadAhead readAhead, TimeProvider clock) : IBeforeWriteLock<SubmitProposal>
{
    public async Task PrepareAsync(SubmitProposal command, CancellationToken cancellationToken)
    {
        var proposal = await readAhead.ReadAsync(command.Code, cancellationToken);
        var actor = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Name == command.Actor, cancellationToken);
        if (proposal is not null && actor is not null && actor.Coordinates(proposal))
        {
            CheckContent(proposal, clock);
            readAhead.MarkContentChecked();
        }
    }

    public static void CheckContent(Proposal proposal, TimeProvider clock) =>
        ProposalContentValidator.Require(proposal.Content, ProposalRules.Complete, proposal.Code, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
}

public sealed class SubmitProposalHandler(PlannerDbContext db, ProposalReadAhead readAhead, WorkflowDefinitions workflows, Notifier notifier, TimeProvider clock)
    : ICommandHandler<SubmitProposal, ProposalSummary>
{
    public async ValueTask<ProposalSummary> Handle(SubmitProposal command, CancellationToken cancellationToken)
    {
        var actor = await db.RequireUserAsync(command.Actor, cancellationToken);
        var (proposal, unchanged) = await readAhead.RequireAsync(command.Code, cancellationToken);
        actor.RequireCoordinatorOf(proposal);

        var now = clock.GetUtcNow();
        if (!(unchanged && readAhead.ContentChecked)) SubmitProposalReadAhead.CheckContent(proposal, clock);
        if (proposal.IsAmending && ProposalChanges.Between(proposal.InForce!.Content, proposal.Content).Count == 0)
            throw new InvalidInputException("", $"amendment {proposal.Amendment} of {proposal.Code} changes nothing yet; change the proposal before submitting it");
        await workflows.RequireStaffedAsync(db, proposal, cancellationToken);
        proposal.Submit(actor.Name, now);
        // A new instance for every revision: approvals of an earlier revision never carry over.
        var instance = await workflows.StartAsync(db, proposal, actor.Name, now, cancellationToken);
        await notifier.TellHoldersAsync(db, proposal, instance.Steps, StepNotices.Opened, actor.Name, cancellationToken);
        if (instance.Status == InstanceStatus.Approved)
            await notifier.TellOutcomeAsync(db, proposal, ProposalStatus.Approved, actor, null, cancellationToken);
        return ProposalSummary.From(proposal);
    }
}
