namespace ExercisePlanner.Core.Audit;

/// <summary>Who is acting and through which command, for the audit entries of the current unit of work.</summary>
public sealed class AuditScope
{
    public string Actor { get; set; } = "system";
    public string Action { get; set; } = "";
}
