using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>
/// Fires every reminder and escalation that is due. Each timer is marked fired in the same transaction
/// as its effects, so running this twice, or from two processes, fires it once.
/// </summary>
public sealed record RunTimers(DateTimeOffset? Now = null) : ICommand<TimersRun>;

public sealed record TimersRun(DateTimeOffset Now, int Reminders, int Escalations, int Cancelled);

public sealed class RunTimersHandler(PlannerDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<RunTimers, TimersRun>
{
    public async ValueTask<TimersRun> Handle(RunTimers command, CancellationToken cancellationToken)
    {
        var now = command.Now ?? clock.GetUtcNow();
        var due = await db.WorkflowTimers
            .Where(t => t.FiredAt == null && t.CancelledAt == null && t.DueAt <= now)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var stepIds = due.Select(t => t.StepId).Distinct().ToList();
        var steps = await db.WorkflowSteps.Where(s => stepIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);

        int reminders = 0, escalations = 0, cancelled = 0;
        foreach (var timer in due)
        {
            var step = steps[timer.StepId];
            if (!WorkflowEngine.Fire(timer, step, now))
            {
                cancelled++;
                continue;
            }
            var notice = timer.Kind == TimerKind.Reminder ? StepNotices.Reminder(step) : StepNotices.Escalation(step);
            await notifier.TellHoldersAsync(db, await notifier.ProposalAsync(step.SubjectKey, cancellationToken), step, notice, null, cancellationToken);
            if (timer.Kind == TimerKind.Reminder) reminders++; else escalations++;
        }
        return new TimersRun(now, reminders, escalations, cancelled);
    }
}
