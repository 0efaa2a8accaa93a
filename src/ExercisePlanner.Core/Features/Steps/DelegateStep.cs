using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Steps;

/// <summary>Hands a step to another user of the same nation and role, who alone may then decide it.</summary>
public sealed record DelegateStep(int StepId, string To, string Actor) : ICommand<StepView>, IActorRequest;

public sealed class DelegateStepHandler(PlannerDbContext db, Notifier notifier) : ICommandHandler<DelegateStep, StepView>
{
    public async ValueTask<StepView> Handle(DelegateStep command, CancellationToken cancellationToken)
    {
        var actor = await db.RequireUserAsync(command.Actor, cancellationToken);
        var delegate_ = await db.Users.SingleOrDefaultAsync(u => u.Name == command.To, cancellationToken)
            ?? throw new InvalidInputException("--to", $"unknown user '{command.To}'");
        var step = await db.WorkflowSteps.SingleOrDefaultAsync(s => s.Id == command.StepId, cancellationToken)
            ?? throw new NotFoundException($"no step with id {command.StepId}");
        var coordinator = await db.Proposals.Where(p => p.Code == step.SubjectKey).Select(p => p.Coordinator).SingleAsync(cancellationToken);
        if (delegate_.Name == coordinator)
            throw new ForbiddenException($"{delegate_.Name} coordinates proposal {step.SubjectKey} and may not decide its steps");

        var (refusal, reason) = WorkflowEngine.Delegate(step, actor.AsWorkflowActor(), delegate_.AsWorkflowActor());
        switch (refusal)
        {
            case Refusal.None: break;
            case Refusal.StepNotOpen: throw new ConflictException(reason);
            default: throw new ForbiddenException(reason);
        }
        notifier.Notify(await notifier.ProposalAsync(step.SubjectKey, cancellationToken), StepNotices.Delegated(step, actor), [delegate_], actor.Name);
        return StepView.From(step);
    }
}
