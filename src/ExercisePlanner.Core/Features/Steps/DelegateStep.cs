using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Proposals;
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
        var step = await db.WorkflowSteps.SingleOrDefaultAsync(s => s.Id == command.StepId, cancellationToken)
            ?? throw new NotFoundException($"no step with id {command.StepId}");
        await db.RequireStepSightAsync(actor, step, cancellationToken);
        var (refusal, reason) = WorkflowEngine.MayDecide(step, actor.AsWorkflowActor());
        if (refusal == Refusal.StepNotOpen) throw new ConflictException(reason);
        if (refusal != Refusal.None) throw new ForbiddenException(reason);

        // One answer for a name that is unknown, of another nation or role, or the coordinator's: which it is is none of the asker's business.
        var delegate_ = await db.Users.SingleOrDefaultAsync(u => u.Name == command.To, cancellationToken);
        var coordinator = await db.Proposals.Where(p => p.Code == step.SubjectKey).Select(p => p.Coordinator).SingleAsync(cancellationToken);
        // A coordinator who also holds the step's role may not hand their own proposal's step to a colleague either.
        if (actor.Name == coordinator)
            throw new ForbiddenException($"{actor.Name} coordinates proposal {step.SubjectKey} and may not decide or delegate its steps");
        if (delegate_ is null || delegate_.Name == coordinator
            || WorkflowEngine.Delegate(step, actor.AsWorkflowActor(), delegate_.AsWorkflowActor()).Refusal is not Refusal.None)
            throw new ForbiddenException($"step {step.Id} can be handed only to another {step.Role} of {Nation.NameOf(step.Nation)} ({step.Nation}) who does not coordinate the proposal; '{command.To}' is not one");
        notifier.Notify(await notifier.ProposalAsync(step.SubjectKey, cancellationToken), StepNotices.Delegated(step, actor), [delegate_], actor.Name);
        return StepView.From(step) with { AssigneeName = PersonView.From(delegate_).Label };
    }
}
