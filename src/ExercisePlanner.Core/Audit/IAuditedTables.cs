namespace ExercisePlanner.Core.Audit;

/// <summary>
/// Tables that <c>audit verify</c> compares with the trail: the planner's (<see cref="Persistence.PlannerAuditedTables"/>);
/// the web host adds the sign-in accounts'.
/// </summary>
public interface IAuditedTables
{
    Task<List<string>> CompareAsync(AuditedState state, CancellationToken cancellationToken);
}
