using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Core.Features.Steps;

/// <summary>
/// How a step came to its assignee: handed over by a colleague of its nation and role (<see cref="DelegateStep"/>) or given
/// by an administrator (<see cref="ReassignStep"/>) to someone who may not hold the role. Read from the proposal's audit
/// trail, which already records who did it and when; the step itself keeps only whose it is now.
/// </summary>
public sealed record Handover(int StepId, string To, string By, DateTimeOffset At, bool ByAdministrator)
{
    /// <summary>The handover that made the step its assignee's, from the proposal's history; null for a step nobody handed over.</summary>
    public static Handover? Of(WorkflowStep step, IEnumerable<HistoryEntry> history)
    {
        if (step.Assignee is not { } to) return null;
        var record = $"{nameof(WorkflowStep)} {AuditedEntities.StepKey(step)}";
        return history.LastOrDefault(e => e.Record == record && e.Action is nameof(DelegateStep) or nameof(ReassignStep)) is { } entry
            ? new Handover(step.Id, to, entry.Actor, entry.At, entry.Action == nameof(ReassignStep))
            : null;
    }

    /// <summary>"Given to Lt Col Asif Khan by administrator Col Jane Roe on 11 Jan 2027", "Handed to … by … on …".</summary>
    public string Sentence(Func<string, PersonView> person) => $"{Verb} to {person(To).Label} by {Giver(person)} on {Day}";

    /// <summary>"Given" by an administrator, "Handed" by a colleague.</summary>
    public string Verb => ByAdministrator ? "Given" : "Handed";

    /// <summary>The day it happened: "11 Jan 2027".</summary>
    public string Day => Words.Date(At);

    /// <summary>Who gave it, as the reader of the step should know them: an administrator says so, unless their name already does.</summary>
    public string Giver(Func<string, PersonView> person) =>
        person(By).Label is var label && ByAdministrator && !label.Contains("administrator", StringComparison.OrdinalIgnoreCase) ? $"administrator {label}" : label;
}
