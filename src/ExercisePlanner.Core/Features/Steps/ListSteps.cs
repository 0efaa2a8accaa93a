using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Steps;

/// <summary>The open steps a user may decide now: their nation, one of their roles (or an escalation to one), not delegated away, and never on a proposal they coordinate.</summary>
public sealed record ListSteps(string Actor) : IQuery<IReadOnlyList<StepView>>;

public sealed class ListStepsHandler(PlannerDbContext db) : IQueryHandler<ListSteps, IReadOnlyList<StepView>>
{
    public async ValueTask<IReadOnlyList<StepView>> Handle(ListSteps query, CancellationToken cancellationToken)
    {
        var user = await db.RequireUserAsync(query.Actor, cancellationToken);
        var roles = user.Roles;
        var steps = await db.WorkflowSteps.AsNoTracking()
            .Where(s => s.Status == StepStatus.Open && s.Nation == user.Nation)
            .Where(s => (roles.Contains(s.Role) && (s.Assignee == null || s.Assignee == user.Name))
                        || (s.EscalatedTo != null && roles.Contains(s.EscalatedTo)))
            .Where(s => !db.Proposals.Any(p => p.Code == s.SubjectKey && p.Coordinator == user.Name))
            .OrderBy(s => s.DueAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return steps.Select(StepView.From).ToList();
    }
}
