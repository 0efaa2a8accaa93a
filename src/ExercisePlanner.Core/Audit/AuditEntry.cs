namespace ExercisePlanner.Core.Audit;

/// <summary>
/// One state change: who did what to which record, with the values before and after.
/// Entries form a hash chain, so an edited, removed or reordered entry is detectable.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public string Actor { get; init; } = "";
    /// <summary>The command that caused the change, e.g. <c>SubmitProposal</c>.</summary>
    public string Action { get; init; } = "";
    public string EntityType { get; init; } = "";
    public string EntityKey { get; init; } = "";
    /// <summary><c>Added</c>, <c>Modified</c> or <c>Deleted</c>.</summary>
    public string Change { get; init; } = "";
    public string? Before { get; init; }
    public string? After { get; init; }
    public string PreviousHash { get; init; } = "";
    public string Hash { get; set; } = "";
}
