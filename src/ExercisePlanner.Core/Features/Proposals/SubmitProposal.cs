using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>Checks a draft against every rule, freezes it as a revision and starts its approval workflow.</summary>
public sealed record SubmitProposal(string Code, string Actor) : ICommand<ProposalSummary>, IActorRequest;

/// <summary>
/// Reads the proposal, checks it against every rule, and chooses the workflow it will run and checks that workflow is
/// staffed, before the writer lock (<see cref="ProposalReadAhead"/>): the largest proposal takes milliseconds for each.
/// Only its coordinator learns what is wrong with it; anyone else is answered under the lock, as before, with "not
/// found" or "only the coordinator". A definition published, or a user removed, while the submission waits for the
/// lock is as if it happened just after it: the new definition runs from the next submission, and a step left with
/// nobody to decide it shows among the stuck steps for an administrator to hand over.
/// </summary>
public sealed class SubmitProposalReadAhead(PlannerDbContext db, ProposalReadAhead readAhead, WorkflowDefinitions workflows, TimeProvider clock)
    : IBeforeWriteLock<SubmitProposal>
{
    public async Task PrepareAsync(SubmitProposal command, CancellationToken cancellationToken)
    {
        var proposal = await readAhead.ReadAsync(command.Code, cancellationToken);
        var actor = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Name == command.Actor, cancellationToken);
        if (proposal is not null && actor is not null && actor.Coordinates(proposal))
            readAhead.Checked(await CheckAsync(db, workflows, proposal, clock, cancellationToken));
    }

    /// <summary>Refuses a proposal that breaks a rule, an amendment that changes nothing, or a workflow with a step nobody could decide; else the workflow it will run.</summary>
    public static async Task<WorkflowDefinition> CheckAsync(PlannerDbContext db, WorkflowDefinitions workflows, Proposal proposal, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ProposalContentValidator.Require(proposal.Content, ProposalRules.Complete, proposal.Code, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (proposal.IsAmending && ProposalChanges.Between(proposal.InForce!.Content, proposal.Content).Count == 0)
            throw new InvalidInputException("", $"amendment {proposal.Amendment} of {proposal.Code} changes nothing yet; change the proposal before submitting it");
        return await workflows.RequireStaffedAsync(db, proposal, cancellationToken);
    }
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
        var definition = unchanged && readAhead.Definition is { } checkedAhead
            ? checkedAhead
            : await SubmitProposalReadAhead.CheckAsync(db, workflows, proposal, clock, cancellationToken);
        proposal.Submit(actor.Name, now);
        // A new instance for every revision: approvals of an earlier revision never carry over.
        var instance = await workflows.StartAsync(db, proposal, definition, actor.Name, now, cancellationToken);
        await notifier.TellHoldersAsync(db, proposal, instance.Steps, StepNotices.Opened, actor.Name, cancellationToken);
        if (instance.Status == InstanceStatus.Approved)
            await notifier.TellOutcomeAsync(db, proposal, ProposalStatus.Approved, actor, null, cancellationToken);
        return ProposalSummary.From(proposal);
    }
}
