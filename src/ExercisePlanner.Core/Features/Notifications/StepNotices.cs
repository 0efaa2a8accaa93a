using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Core.Features.Notifications;

/// <summary>The notices about one step, told to whoever may decide it.</summary>
public static class StepNotices
{
    private const string Decide = "Approve, request changes or reject it, with a comment";

    public static Notice Opened(WorkflowStep step) =>
        new(NotificationKind.StepOpened, $"{step.StageName} for {Words.Nation(step.Nation)} is open and waits for a {Words.Role(step.Role)}", Decide)
        { Step = step, Due = step.DueAt };

    public static Notice Delegated(WorkflowStep step, User from) =>
        new(NotificationKind.Delegated, $"{PersonView.From(from).WithTitle} handed you {step.StageName} for {Words.Nation(step.Nation)}", Decide)
        { Step = step, Due = step.DueAt };

    /// <summary>An administrator gave the step to the recipient (who then decides it alone, with or without its role).</summary>
    public static Notice Reassigned(WorkflowStep step, User by) =>
        new(NotificationKind.Reassigned, $"{PersonView.From(by).WithTitle} gave you {step.StageName} for {Words.Nation(step.Nation)} to decide", Decide)
        { Step = step, Due = step.DueAt };

    public static Notice Reminder(WorkflowStep step) =>
        new(NotificationKind.Reminder, $"{step.StageName} for {Words.Nation(step.Nation)} still waits for a decision", Decide)
        { Step = step, Due = step.DueAt };

    public static Notice Escalation(WorkflowStep step) =>
        new(NotificationKind.Escalation,
            $"{step.StageName} for {Words.Nation(step.Nation)} passed its due date; a {Words.Role(step.EscalatedTo ?? step.Role)} may now decide it",
            $"Decide it now: the {Words.Role(step.Role)} or the {Words.Role(step.EscalatedTo ?? step.Role)} of {Words.Nation(step.Nation)}")
        { Step = step, Due = step.DueAt };

    /// <summary>Tells the step's holders, never the proposal's coordinator (who may not decide it).</summary>
    public static Task TellHoldersAsync(this Notifier notifier, Persistence.PlannerDbContext db, Proposal proposal, WorkflowStep step,
        Notice notice, string? actor, CancellationToken cancellationToken) =>
        notifier.TellHoldersAsync(db, proposal, [step], _ => notice, actor, cancellationToken);

    /// <summary>Tells each step's holders its notice, with one query for all of them (a submission opens a step per nation).</summary>
    public static async Task TellHoldersAsync(this Notifier notifier, Persistence.PlannerDbContext db, Proposal proposal,
        IReadOnlyCollection<WorkflowStep> steps, Func<WorkflowStep, Notice> notice, string? actor, CancellationToken cancellationToken)
    {
        var holders = await db.HoldersAsync(steps, cancellationToken);
        foreach (var step in steps)
            notifier.Notify(proposal, notice(step), holders[step].Where(u => u.Name != proposal.Coordinator), actor);
    }
}
