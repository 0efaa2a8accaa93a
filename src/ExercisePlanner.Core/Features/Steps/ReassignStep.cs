using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Steps;

/// <summary>
/// An administrator gives an open step to a named user of the step's nation, who alone may then decide it (as a delegate
/// does), whether or not they hold its role: the way out of a step nobody could decide. Audited; the user is told.
/// </summary>
public sealed record ReassignStep(int StepId, string To, string Actor) : ICommand<StepView>, IActorRequest;

public sealed class ReassignStepValidator : JsonValidator<ReassignStep>
{
    public ReassignStepValidator() => RuleFor(c => c.To).NotEmpty().WithMessage("name the user who takes the step over");
}

public sealed class ReassignStepHandler(PlannerDbContext db, Notifier notifier) : ICommandHandler<ReassignStep, StepView>
{
    public async ValueTask<StepView> Handle(ReassignStep command, CancellationToken cancellationToken)
    {
        var admin = await db.RequireAdminAsync(command.Actor, cancellationToken);
        var step = await db.WorkflowSteps.SingleOrDefaultAsync(s => s.Id == command.StepId, cancellationToken)
            ?? throw new NotFoundException($"no step with id {command.StepId}");
        if (step.Status != StepStatus.Open)
            throw new ConflictException($"step {step.Id} ({step.StageName}, {Words.Nation(step.Nation)}) is already {Words.Of(step.Status).ToLowerInvariant()}");
        var proposal = await notifier.ProposalAsync(step.SubjectKey, cancellationToken);
        var to = await db.Users.SingleOrDefaultAsync(u => u.Name == command.To, cancellationToken);
        if (to is null || to.Nation != step.Nation)
            throw new InvalidInputException("to", $"step {step.Id} is for {Words.Nation(step.Nation)}; '{command.To}' is not a user of that nation");
        if (to.Name == proposal.Coordinator)
            throw new InvalidInputException("to", $"{to.Name} coordinates proposal {proposal.Code} and may not decide its steps");
        if (step.Assignee == to.Name)
            throw new InvalidInputException("to", $"step {step.Id} is already {to.Name}'s");

        step.Assignee = to.Name;
        notifier.Notify(proposal, StepNotices.Reassigned(step, admin), [to], admin.Name);
        return StepView.From(step) with { AssigneeName = PersonView.From(to).Label };
    }
}
