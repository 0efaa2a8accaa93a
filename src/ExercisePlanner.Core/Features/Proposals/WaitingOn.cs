using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// For each of some proposals in review: the stage it is in and the nations that still have to decide.
/// The codes come from a list the viewer was allowed to see.
/// </summary>
public sealed record WaitingOn(IReadOnlyCollection<string> Codes) : IQuery<IReadOnlyDictionary<string, Waiting>>;

public sealed record Waiting(string Stage, IReadOnlyList<string> Nations);

public sealed class WaitingOnHandler(PlannerDbContext db) : IQueryHandler<WaitingOn, IReadOnlyDictionary<string, Waiting>>
{
    public async ValueTask<IReadOnlyDictionary<string, Waiting>> Handle(WaitingOn query, CancellationToken cancellationToken)
    {
        var codes = query.Codes.ToList();
        var open = await db.WorkflowSteps.AsNoTracking()
            .Where(s => s.Status == StepStatus.Open && codes.Contains(s.SubjectKey))
            .Select(s => new { s.SubjectKey, s.StageName, s.Nation })
            .ToListAsync(cancellationToken);
        return open.GroupBy(s => s.SubjectKey).ToDictionary(
            g => g.Key,
            g => new Waiting(g.First().StageName, g.Select(s => s.Nation).Distinct().Order(StringComparer.Ordinal).ToList()));
    }
}
