using ExercisePlanner.Workflows.Definitions;

namespace ExercisePlanner.Workflows.Runtime;

/// <summary>
/// What a workflow runs on, as far as the runtime needs to know: a key, the revision under review,
/// facts for conditions, and which nations an assignee selector names.
/// </summary>
public interface IWorkflowSubject
{
    string Key { get; }
    int Revision { get; }
    string? Fact(string name);
    /// <summary>The values of a fact that has several (see <see cref="FactDefinition.Many"/>); empty when it has none.</summary>
    IReadOnlyList<string> FactValues(string name) => Fact(name) is { } value ? [value] : [];
    IReadOnlyList<string> Nations(Assignees assignees, IReadOnlyList<string>? listed);
}

/// <summary>Someone deciding or delegating a step.</summary>
public sealed record WorkflowActor(string Name, string Nation, IReadOnlyCollection<string> Roles);
