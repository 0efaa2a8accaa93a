using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Steps;

/// <summary>
/// Whom the actor may hand a step to: the colleagues of the step's nation holding its role, by display name;
/// never the actor, nor the proposal's coordinator. Empty when the actor may not delegate the step.
/// </summary>
public sealed record ListDelegates(int StepId, string Actor) : IQuery<IReadOnlyList<PersonView>>;

public sealed class ListDelegatesHandler(PlannerDbContext db) : IQueryHandler<ListDelegates, IReadOnlyList<PersonView>>
{
    public async ValueTask<IReadOnlyList<PersonView>> Handle(ListDelegates query, CancellationToken cancellationToken)
    {
        var step = await db.WorkflowSteps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.StepId, cancellationToken)
            ?? throw new NotFoundException($"no step with id {query.StepId}");
        var coordinator = await db.Proposals.Where(p => p.Code == step.SubjectKey).Select(p => p.Coordinator).SingleAsync(cancellationToken);
        if (query.Actor == coordinator) return [];
        var colleagues = await db.Users.AsNoTracking()
            .Where(u => u.Nation == step.Nation && u.Name != query.Actor && u.Name != coordinator).ToListAsync(cancellationToken);
        return colleagues.Where(u => u.HasRole(step.Role)).Select(PersonView.From).OrderBy(p => p.Label, StringComparer.CurrentCulture).ToList();
    }
}
