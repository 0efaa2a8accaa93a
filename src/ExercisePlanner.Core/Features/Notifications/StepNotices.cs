using ExercisePlanner.Core.Domain;
using ExercisePlanner.Workflows.Runtime;
using static ExercisePlanner.Core.Features.Notifications.Wording;

namespace ExercisePlanner.Core.Features.Notifications;

/// <summary>The notices about one step, told to whoever may decide it.</summary>
public static class StepNotices
{
    private const string Decide = "Approve, request changes or reject it, with a comment";

    public static Notice Opened(WorkflowStep step) =>
        new(NotificationKind.StepOpened, $"{step.StageName} for {NationWithCode(step.Nation)} is open and waits for a {Role(step.Role)}", Decide)
        { Step = step, Due = step.DueAt };

    public static Notice Delegated(WorkflowStep step, User from) =>
        new(NotificationKind.Delegated, $"{Person(from)} handed you {step.StageName} for {NationWithCode(step.Nation)}", Decide)
        { Step = step, Due = step.DueAt };

    public static Notice Reminder(WorkflowStep step) =>
        new(NotificationKind.Reminder, $"{step.StageName} for {NationWithCode(step.Nation)} still waits for a decision", Decide)
        { Step = step, Due = step.DueAt };

    public static Notice Escalation(WorkflowStep step) =>
        new(NotificationKind.Escalation,
            $"{step.StageName} for {NationWithCode(step.Nation)} passed its due date; a {Role(step.EscalatedTo ?? step.Role)} may now decide it",
            $"Decide it now: the {Role(step.Role)} or the {Role(step.EscalatedTo ?? step.Role)} of {NationWithCode(step.Nation)}")
        { Step = step, Due = step.DueAt };

    /// <summary>Tells the step's holders, never the proposal's coordinator (who may not decide it).</summary>
    public static async Task TellHoldersAsync(this Notifier notifier, Persistence.PlannerDbContext db, Proposal proposal, WorkflowStep step,
        Notice notice, string? actor, CancellationToken cancellationToken)
    {
        var holders = await db.HoldersAsync(step, cancellationToken);
        notifier.Notify(proposal, notice, holders.Where(u => u.Name != proposal.Coordinator), actor);
    }
}
