using ExercisePlanner.Workflows.Definitions;

namespace ExercisePlanner.Workflows.Runtime;

/// <summary>Why a decision or delegation was refused; the host turns these into its own errors.</summary>
public enum Refusal { None, StepNotOpen, WrongNation, WrongRole, NotAssignee, SameUser }

public sealed record DecisionOutcome(
    Refusal Refusal, string Reason, InstanceStatus Status, IReadOnlyList<WorkflowStep> Opened, IReadOnlyList<string> Actions)
{
    public static DecisionOutcome Refused(Refusal refusal, string reason) => new(refusal, reason, InstanceStatus.Running, [], []);
}

/// <summary>
/// The workflow semantics, free of storage: opening stages (skipping those whose condition fails),
/// recording decisions, evaluating completion rules, and firing timers. It changes the entities it is
/// given; the host persists them in one transaction.
/// </summary>
public sealed partial class WorkflowEngine(FactCatalog facts)
{
    public WorkflowInstance Start(WorkflowDefinition definition, IWorkflowSubject subject, string startedBy, DateTimeOffset now)
    {
        var instance = new WorkflowInstance
        {
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            SubjectKey = subject.Key,
            SubjectRevision = subject.Revision,
            StartedBy = startedBy,
            Status = InstanceStatus.Running,
            StartedAt = now,
        };
        OpenNextStage(definition, instance, subject, 0, now);
        return instance;
    }

    /// <summary>Whether the actor may decide the step: same nation, the step's (or escalation) role, and the assignee (delegate or reassignee) if there is one.</summary>
    public static (Refusal Refusal, string Reason) MayDecide(WorkflowStep step, WorkflowActor actor)
    {
        if (step.Status != StepStatus.Open)
            return (Refusal.StepNotOpen, $"step {step.Id} is already {Describe(step.Status)}");
        if (actor.Nation != step.Nation)
            return (Refusal.WrongNation, $"step {step.Id} is for {step.Nation}, and {actor.Name} acts for {actor.Nation}");
        var escalated = step.EscalatedTo is not null && actor.Roles.Contains(step.EscalatedTo);
        // The assignee decides even without the role: the host may give a step nobody could decide to someone of its nation.
        if (!actor.Roles.Contains(step.Role) && !escalated && step.Assignee != actor.Name)
            return (Refusal.WrongRole, $"step {step.Id} needs the role {step.Role}, which {actor.Name} does not hold");
        if (step.Assignee is not null && step.Assignee != actor.Name && !escalated)
            return (Refusal.NotAssignee, $"step {step.Id} was delegated to {step.Assignee}");
        return (Refusal.None, "");
    }

    public DecisionOutcome Decide(
        WorkflowDefinition definition, WorkflowInstance instance, IWorkflowSubject subject,
        WorkflowStep step, WorkflowActor actor, Decision decision, string comment, DateTimeOffset now)
    {
        var (refusal, reason) = MayDecide(step, actor);
        if (refusal != Refusal.None) return DecisionOutcome.Refused(refusal, reason);

        step.Decision = decision;
        step.Comment = comment;
        step.DecidedBy = actor.Name;
        step.DecidedAt = now;
        step.Status = decision switch
        {
            Decision.Approve => StepStatus.Approved,
            Decision.RequestChanges => StepStatus.ChangesRequested,
            _ => StepStatus.Rejected,
        };
        CancelTimers(step, now);

        // A rejection always ends the workflow; a request for changes does so at once unless the definition collects them.
        if (decision == Decision.Reject || (decision == Decision.RequestChanges && !definition.CollectsRequests))
        {
            Conclude(instance, decision == Decision.Reject ? InstanceStatus.Rejected : InstanceStatus.ChangesRequested, now);
            return new DecisionOutcome(Refusal.None, "", instance.Status, [], []);
        }

        return CompleteStage(definition, instance, subject, step.StageIndex, now);
    }

    /// <summary>
    /// When the stage has the approvals its completion rule needs, cancels its other open steps and opens the next
    /// stage (or concludes the instance). Cancelled steps count neither way: a migration may have cancelled some.
    /// </summary>
    private DecisionOutcome CompleteStage(WorkflowDefinition definition, WorkflowInstance instance, IWorkflowSubject subject, int index, DateTimeOffset now)
    {
        var stage = definition.Stages[index];
        var stageSteps = instance.Steps.Where(s => s.StageIndex == index && s.StageId == stage.Id && s.Status != StepStatus.Cancelled).ToList();
        // Collected requests hold the stage: it cannot complete, and once nobody is left to decide, it returns with them all.
        if (stageSteps.Any(s => s.Status == StepStatus.ChangesRequested))
        {
            if (!stageSteps.Any(s => s.Status == StepStatus.Open)) Conclude(instance, InstanceStatus.ChangesRequested, now);
            return new DecisionOutcome(Refusal.None, "", instance.Status, [], []);
        }
        var needed = Math.Min(stage.Completion.Needed(stageSteps.Count), stageSteps.Count);
        if (stageSteps.Count(s => s.Status == StepStatus.Approved) < needed)
            return new DecisionOutcome(Refusal.None, "", instance.Status, [], []);

        foreach (var open in stageSteps.Where(s => s.Status == StepStatus.Open)) Cancel(open, now);
        var opened = OpenNextStage(definition, instance, subject, index + 1, now);
        var actions = instance.Status == InstanceStatus.Approved ? definition.OnApproved : [];
        return new DecisionOutcome(Refusal.None, "", instance.Status, opened, actions);
    }

    /// <summary>Hands a step to another user of the same nation and role.</summary>
    public static (Refusal Refusal, string Reason) Delegate(WorkflowStep step, WorkflowActor from, WorkflowActor to)
    {
        var (refusal, reason) = MayDecide(step, from);
        if (refusal != Refusal.None) return (refusal, reason);
        if (to.Name == from.Name) return (Refusal.SameUser, $"{to.Name} already holds step {step.Id}");
        if (to.Nation != step.Nation)
            return (Refusal.WrongNation, $"{to.Name} acts for {to.Nation}, and step {step.Id} is for {step.Nation}");
        if (!to.Roles.Contains(step.Role))
            return (Refusal.WrongRole, $"{to.Name} does not hold the role {step.Role} that step {step.Id} needs");
        step.Assignee = to.Name;
        return (Refusal.None, "");
    }

    /// <summary>Ends a running instance from outside (withdrawal), cancelling its open steps.</summary>
    public static void Withdraw(WorkflowInstance instance, DateTimeOffset now) => Conclude(instance, InstanceStatus.Withdrawn, now);

    /// <summary>
    /// Fires a due timer once: false if it had fired, or its step is closed (then it is cancelled). An escalation
    /// also opens the step to the escalation role; the host tells the people concerned.
    /// </summary>
    public static bool Fire(WorkflowTimer timer, WorkflowStep step, DateTimeOffset now)
    {
        if (timer.FiredAt is not null || timer.CancelledAt is not null) return false;
        if (step.Status != StepStatus.Open)
        {
            timer.CancelledAt = now;
            return false;
        }
        timer.FiredAt = now;
        if (timer.Kind == TimerKind.Escalation) step.EscalatedTo = timer.Role;
        return true;
    }

    /// <summary>The stages a subject will go through, in order, with whether each applies and who acts.</summary>
    public IReadOnlyList<PlannedStage> Plan(WorkflowDefinition definition, IWorkflowSubject subject) =>
        definition.Stages.Select((stage, index) => new PlannedStage(
            index, stage, Applies(stage, subject),
            Assign(stage, subject).Select(a => new PlannedStep(a.Nation, a.Role)).ToList())).ToList();

    private List<WorkflowStep> OpenNextStage(WorkflowDefinition definition, WorkflowInstance instance, IWorkflowSubject subject, int from, DateTimeOffset now)
    {
        for (var index = from; index < definition.Stages.Count; index++)
        {
            var stage = definition.Stages[index];
            var assignments = Applies(stage, subject) ? Assign(stage, subject) : [];
            if (assignments.Count == 0) continue;

            instance.CurrentStageId = stage.Id;
            var opened = assignments.Select(a => NewStep(instance, stage, index, a.Nation, a.Role, now)).ToList();
            instance.Steps.AddRange(opened);
            return opened;
        }
        instance.CurrentStageId = null;
        Conclude(instance, InstanceStatus.Approved, now);
        return [];
    }

    private bool Applies(StageDefinition stage, IWorkflowSubject subject) =>
        (stage.When is not { } when || facts.Holds(when, subject)) && (stage.Unless is not { } unless || !facts.Holds(unless, subject));

    private static List<(string Nation, string Role)> Assign(StageDefinition stage, IWorkflowSubject subject) =>
        stage.Steps.SelectMany(step => subject.Nations(step.Assignees, step.Nations).Select(nation => (nation, step.Role)))
            .Distinct().ToList();

    private static WorkflowStep NewStep(WorkflowInstance instance, StageDefinition stage, int index, string nation, string role, DateTimeOffset now)
    {
        var step = new WorkflowStep
        {
            SubjectKey = instance.SubjectKey,
            SubjectRevision = instance.SubjectRevision,
            StageIndex = index,
            StageId = stage.Id,
            StageName = stage.Name,
            Nation = nation,
            Role = role,
            Status = StepStatus.Open,
            OpenedAt = now,
            DueAt = now + stage.DueIn,
        };
        if (stage.RemindIn is { } remindIn)
            step.Timers.Add(new WorkflowTimer { Kind = TimerKind.Reminder, DueAt = now + remindIn, Role = role });
        if (stage.EscalateTo is { } escalateTo)
            step.Timers.Add(new WorkflowTimer { Kind = TimerKind.Escalation, DueAt = step.DueAt, Role = escalateTo });
        return step;
    }

    private static void Conclude(WorkflowInstance instance, InstanceStatus status, DateTimeOffset now)
    {
        foreach (var open in instance.Steps.Where(s => s.Status == StepStatus.Open)) Cancel(open, now);
        instance.Status = status;
        instance.EndedAt = now;
        if (status != InstanceStatus.Approved) instance.CurrentStageId = null;
    }

    private static void Cancel(WorkflowStep step, DateTimeOffset now)
    {
        step.Status = StepStatus.Cancelled;
        CancelTimers(step, now);
    }

    private static void CancelTimers(WorkflowStep step, DateTimeOffset now)
    {
        foreach (var timer in step.Timers.Where(t => t.FiredAt is null && t.CancelledAt is null)) timer.CancelledAt = now;
    }

    private static string Describe(StepStatus status) => status switch
    {
        StepStatus.Approved => "approved",
        StepStatus.ChangesRequested => "decided (changes requested)",
        StepStatus.Rejected => "rejected",
        StepStatus.Cancelled => "cancelled",
        _ => "open",
    };
}

public sealed record PlannedStage(int Index, StageDefinition Stage, bool Applies, IReadOnlyList<PlannedStep> Steps);

public sealed record PlannedStep(string Nation, string Role);
