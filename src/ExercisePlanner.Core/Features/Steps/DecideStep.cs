using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Steps;

/// <summary>Approve, request changes or reject one step, always with a comment.</summary>
public sealed record DecideStep(int StepId, Decision Decision, string Comment, string Actor) : ICommand<StepDecided>, IActorRequest;

public sealed record StepDecided(StepView Step, ProposalStatus ProposalStatus, IReadOnlyList<StepView> Opened);

public sealed class DecideStepValidator : JsonValidator<DecideStep>
{
    public const int MaxCommentLength = 2000;

    public DecideStepValidator()
    {
        RuleFor(c => c.Comment).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("a decision needs a comment")
            .MaximumLength(MaxCommentLength).WithMessage($"is longer than {MaxCommentLength} characters");
        RuleFor(c => c.Decision).IsInEnum();
    }
}

public sealed class DecideStepHandler(PlannerDbContext db, WorkflowDefinitions workflows, IMediator mediator, AfterCommit afterCommit, Notifier notifier, TimeProvider clock)
    : ICommandHandler<DecideStep, StepDecided>
{
    public async ValueTask<StepDecided> Handle(DecideStep command, CancellationToken cancellationToken)
    {
        var actor = await db.RequireUserAsync(command.Actor, cancellationToken);
        var step = await db.WorkflowSteps.SingleOrDefaultAsync(s => s.Id == command.StepId, cancellationToken)
            ?? throw new NotFoundException($"no step with id {command.StepId}");
        await db.RequireStepSightAsync(actor, step, cancellationToken);
        var instance = await db.WorkflowInstances.Include(i => i.Steps).ThenInclude(s => s.Timers)
            .SingleAsync(i => i.Id == step.InstanceId, cancellationToken);
        // The proposal itself (and its content's JSON) is loaded only if this decision concludes the workflow.
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Code == instance.SubjectKey)
            .Select(p => new { p.Id, p.Code, p.Coordinator, p.Status, p.InForceRevision }).SingleAsync(cancellationToken);
        if (actor.Name == proposal.Coordinator || actor.Name == instance.StartedBy)
            throw new ForbiddenException($"{actor.Name} coordinates proposal {proposal.Code} and may not decide its steps");

        var definition = await workflows.PinnedAsync(db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var subject = await db.SubjectOfAsync(instance, proposal.Id, proposal.InForceRevision, cancellationToken);
        var now = clock.GetUtcNow();

        var outcome = workflows.Engine.Decide(definition, instance, subject, step, actor.AsWorkflowActor(), command.Decision, command.Comment.Trim(), now);
        switch (outcome.Refusal)
        {
            case Refusal.None: break;
            case Refusal.StepNotOpen: throw new ConflictException(outcome.Reason);
            default: throw new ForbiddenException(outcome.Reason);
        }
        var status = proposal.Status;
        if (outcome.Status != InstanceStatus.Running)
        {
            var concluded = await db.Proposals.Include(p => p.Revisions).SingleAsync(p => p.Id == proposal.Id, cancellationToken);
            concluded.Conclude(outcome.Status.ToProposalStatus(), now);
            status = concluded.Status;
        }
        // The workflow's outcome, not the proposal's status: a rejected amendment leaves the proposal Approved.
        var requests = instance.Steps.Where(s => s.StageIndex == step.StageIndex && s.Status == StepStatus.ChangesRequested).ToList();
        await TellAsync(proposal.Code, outcome, outcome.Status.ToProposalStatus(), actor, step, requests, cancellationToken);
        foreach (var action in outcome.Actions) await WorkflowActions.RunAsync(action, proposal.Code, instance.SubjectRevision, mediator, afterCommit, cancellationToken);

        return new StepDecided(StepView.From(step), status, outcome.Opened.Select(StepView.From).ToList());
    }

    /// <summary>The next stage's deciders, or the coordinator and those who took part when the workflow ended or paused.</summary>
    private async Task TellAsync(string code, DecisionOutcome outcome, ProposalStatus status, User actor, WorkflowStep step,
        IReadOnlyList<WorkflowStep> requests, CancellationToken cancellationToken)
    {
        if (outcome.Opened.Count == 0 && outcome.Status == InstanceStatus.Running) return;
        await db.SaveChangesAsync(cancellationToken); // the opened steps get their ids, for the links
        var proposal = await notifier.ProposalAsync(code, cancellationToken);
        await notifier.TellHoldersAsync(db, proposal, outcome.Opened, StepNotices.Opened, actor.Name, cancellationToken);
        if (outcome.Status != InstanceStatus.Running)
            await notifier.TellOutcomeAsync(db, proposal, status, actor, step, cancellationToken, requests);
    }
}
