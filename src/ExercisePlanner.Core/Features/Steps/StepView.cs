using System.Text.Json.Serialization;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Core.Features.Steps;

/// <summary>A workflow step as shown to people and scripts.</summary>
public sealed record StepView(
    int Id, string Proposal, int Revision, string Stage, string StageName, string Nation, string Role, StepStatus Status,
    Decision? Decision, string? Comment, string? DecidedBy, DateTimeOffset? DecidedAt, DateTimeOffset Due,
    string? Assignee, string? EscalatedTo)
{
    public static StepView From(WorkflowStep s) => new(
        s.Id, s.SubjectKey, s.SubjectRevision, s.StageId, s.StageName, s.Nation, s.Role, s.Status,
        s.Decision, s.Comment, s.DecidedBy, s.DecidedAt, s.DueAt, s.Assignee, s.EscalatedTo);

    /// <summary>The assignee as people know them ("Lt Col Asif Khan"), given where a step has just been handed over.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AssigneeName { get; init; }
}
