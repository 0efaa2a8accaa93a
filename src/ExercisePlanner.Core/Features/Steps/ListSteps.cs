using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Steps;

/// <summary>
/// The open steps a user may decide now: their nation, one of their roles (or an escalation to one), not
/// delegated away (or handed to them), and never on a proposal they coordinate. Soonest due first; optionally only one
/// proposal's, and at most <paramref name="Limit"/> of them.
/// </summary>
public sealed record ListSteps(string Actor, string? Proposal = null, int? Limit = null) : IQuery<IReadOnlyList<StepView>>;

public sealed class ListStepsValidator : JsonValidator<ListSteps>
{
    public ListStepsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
}

public sealed class ListStepsHandler(PlannerDbContext db) : IQueryHandler<ListSteps, IReadOnlyList<StepView>>
{
    public async ValueTask<IReadOnlyList<StepView>> Handle(ListSteps query, CancellationToken cancellationToken)
    {
        var user = await db.RequireUserAsync(query.Actor, cancellationToken);
        var roles = user.Roles;
        var open = db.WorkflowSteps.AsNoTracking().Where(s => s.Status == StepStatus.Open && s.Nation == user.Nation);
        if (query.Proposal is { } code) open = open.Where(s => s.SubjectKey == code);
        var steps = open
            .Where(s => (s.Assignee == null && roles.Contains(s.Role)) || s.Assignee == user.Name // an assignee may lack the role (reassigned)
                        || (s.EscalatedTo != null && roles.Contains(s.EscalatedTo)))
            .Where(s => !db.Proposals.Any(p => p.Code == s.SubjectKey && p.Coordinator == user.Name))
            .OrderBy(s => s.DueAt).ThenBy(s => s.Id);
        var page = query.Limit is { } limit ? steps.Take(limit) : steps;
        return (await page.ToListAsync(cancellationToken)).Select(StepView.From).ToList();
    }
}
