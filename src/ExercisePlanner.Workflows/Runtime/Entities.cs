namespace ExercisePlanner.Workflows.Runtime;

public enum InstanceStatus { Running, Approved, ChangesRequested, Rejected, Withdrawn }

public enum StepStatus { Open, Approved, ChangesRequested, Rejected, Cancelled }

public enum Decision { Approve, RequestChanges, Reject }

public enum TimerKind { Reminder, Escalation }

/// <summary>One run of a workflow definition (pinned to its version) over one revision of a subject.</summary>
public sealed class WorkflowInstance
{
    public int Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string SubjectKey { get; set; } = "";
    public int SubjectRevision { get; set; }
    public string StartedBy { get; set; } = "";
    public InstanceStatus Status { get; set; }
    public string? CurrentStageId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int Version { get; set; }
    public List<WorkflowStep> Steps { get; set; } = [];
}

/// <summary>One nation's decision in one stage, made by a user of that nation holding the step's role.</summary>
public sealed class WorkflowStep
{
    public int Id { get; set; }
    public int InstanceId { get; set; }
    public string SubjectKey { get; set; } = "";
    public int SubjectRevision { get; set; }
    public int StageIndex { get; set; }
    public string StageId { get; set; } = "";
    public string StageName { get; set; } = "";
    public string Nation { get; set; } = "";
    public string Role { get; set; } = "";
    public StepStatus Status { get; set; }
    public Decision? Decision { get; set; }
    public string? Comment { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>Set by delegation: then only this user (or the escalation role) may decide.</summary>
    public string? Assignee { get; set; }
    /// <summary>Set when the deadline passed: users of this role of the same nation may decide too.</summary>
    public string? EscalatedTo { get; set; }
    public int Version { get; set; }
    public List<WorkflowTimer> Timers { get; set; } = [];
}

/// <summary>A durable reminder or escalation, due at a time, fired at most once.</summary>
public sealed class WorkflowTimer
{
    public int Id { get; set; }
    public int StepId { get; set; }
    public TimerKind Kind { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>The role notified: the step's role for a reminder, the escalation role for an escalation.</summary>
    public string Role { get; set; } = "";
    public DateTimeOffset? FiredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
}

/// <summary>
/// A definition version: a draft until published, then immutable. Instances are pinned to published versions;
/// new submissions take the newest published one.
/// </summary>
public sealed class StoredDefinition
{
    public string Id { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string Json { get; set; } = "";
    /// <summary>When the version was first stored (read from the folder, or saved as a draft).</summary>
    public DateTimeOffset FirstLoadedAt { get; set; }
    public string SavedBy { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    public bool IsPublished => PublishedAt is not null;
}
