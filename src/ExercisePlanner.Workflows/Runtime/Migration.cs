using ExercisePlanner.Workflows.Definitions;

namespace ExercisePlanner.Workflows.Runtime;

/// <summary>What a migration does to one step of the stage an instance is at.</summary>
public enum StepChange
{
    /// <summary>An open step the new version asks for too (same stage, nation and role): it stays open, with its deadline and timers.</summary>
    Carried,
    /// <summary>A step already decided: its decision stands where it was made, and the new version does not ask again.</summary>
    Kept,
    /// <summary>An open step the new version no longer asks for.</summary>
    Cancelled,
    /// <summary>A step the new version asks for that did not exist.</summary>
    Opened,
}

public sealed record MigrationStep(StepChange Change, string Nation, string Role, int? StepId);

/// <summary>
/// Moving one running instance to another version of its definition: refused (with why), or the stage it lands in
/// and what happens to each step there. Stages already completed stay as they were decided.
/// </summary>
public sealed record MigrationPlan(string? Refusal, string FromStage, string? ToStage, IReadOnlyList<MigrationStep> Steps)
{
    public bool Refused => Refusal is not null;
}

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// The plan for moving an instance from its version to <paramref name="to"/>. The current stage goes to the stage with
    /// the same id, or the one <paramref name="map"/> names; an instance whose stage is in neither is refused.
    /// </summary>
    public MigrationPlan PlanMigration(WorkflowInstance instance, WorkflowDefinition to, IWorkflowSubject subject, IReadOnlyDictionary<string, string> map)
    {
        var current = instance.CurrentStageId ?? "";
        if (instance.Status != InstanceStatus.Running)
            return new MigrationPlan("it is no longer running", current, null, []);
        var target = map.GetValueOrDefault(current, current);
        var index = IndexOf(to, target);
        if (index < 0)
            return new MigrationPlan(map.ContainsKey(current)
                    ? $"stage '{target}' is not in version {to.Version}"
                    : $"stage '{current}' is not in version {to.Version}; map it to one of {string.Join(", ", to.Stages.Select(s => s.Id))}",
                current, null, []);

        var stage = to.Stages[index];
        var present = CurrentSteps(instance);
        var wanted = Applies(stage, subject) ? Assign(stage, subject) : [];
        var steps = present.Select(s => new MigrationStep(
                s.Status != StepStatus.Open ? StepChange.Kept : wanted.Contains((s.Nation, s.Role)) ? StepChange.Carried : StepChange.Cancelled,
                s.Nation, s.Role, s.Id))
            .Concat(wanted.Where(a => !present.Any(s => s.Nation == a.Nation && s.Role == a.Role))
                .Select(a => new MigrationStep(StepChange.Opened, a.Nation, a.Role, null)))
            .ToList();
        return new MigrationPlan(null, current, stage.Id, steps);
    }

    /// <summary>
    /// Carries out a plan made by <see cref="PlanMigration"/>: never re-opens a decided step nor drops a decision.
    /// If the stage already has the approvals the new version needs, the instance moves on at once.
    /// </summary>
    public DecisionOutcome Migrate(MigrationPlan plan, WorkflowInstance instance, WorkflowDefinition to, IWorkflowSubject subject, DateTimeOffset now)
    {
        if (plan.Refused) throw new InvalidOperationException($"a refused migration cannot run: {plan.Refusal}");
        var index = IndexOf(to, plan.ToStage!);
        var stage = to.Stages[index];
        var present = CurrentSteps(instance);
        var opened = new List<WorkflowStep>();
        foreach (var change in plan.Steps)
        {
            var step = present.FirstOrDefault(s => s.Id == change.StepId);
            switch (change.Change)
            {
                case StepChange.Cancelled: Cancel(step!, now); break;
                case StepChange.Opened: opened.Add(NewStep(instance, stage, index, change.Nation, change.Role, now)); break;
                case StepChange.Carried: (step!.StageIndex, step.StageId, step.StageName) = (index, stage.Id, stage.Name); break;
            }
        }
        instance.Steps.AddRange(opened);
        instance.DefinitionVersion = to.Version;
        instance.CurrentStageId = stage.Id;
        var outcome = CompleteStage(to, instance, subject, index, now);
        return outcome with { Opened = [.. opened, .. outcome.Opened] };
    }

    private static int IndexOf(WorkflowDefinition definition, string stageId)
    {
        for (var i = 0; i < definition.Stages.Count; i++) if (definition.Stages[i].Id == stageId) return i;
        return -1;
    }

    /// <summary>The steps of the stage the instance is at, as it is now (cancelled ones are history).</summary>
    private static List<WorkflowStep> CurrentSteps(WorkflowInstance instance) =>
        instance.Steps.Where(s => s.StageId == instance.CurrentStageId && s.Status != StepStatus.Cancelled).ToList();
}
