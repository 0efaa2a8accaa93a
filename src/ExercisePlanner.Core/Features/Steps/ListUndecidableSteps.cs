using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Steps;

/// <summary>
/// For administrators: the open steps nobody can decide (the user they were handed to was deactivated, removed or moved to
/// another nation, the role was taken away, the nation never had anyone in it), oldest first, each with why and whom it could
/// be given to (<see cref="ReassignStep"/>).
/// </summary>
public sealed record ListUndecidableSteps(string Actor) : IQuery<IReadOnlyList<UndecidableStep>>, IActorRequest;

/// <param name="Why">In words: why nobody can decide it.</param>
/// <param name="Candidates">The users of the step's nation it may be given to (never the proposal's coordinator), by display name.</param>
public sealed record UndecidableStep(int Id, string Proposal, string ProposalName, string Stage, string StageName, string Nation, string Role,
    DateTimeOffset OpenedAt, DateTimeOffset Due, string? Assignee, string Why, IReadOnlyList<PersonView> Candidates);

public sealed class ListUndecidableStepsHandler(PlannerDbContext db) : IQueryHandler<ListUndecidableSteps, IReadOnlyList<UndecidableStep>>
{
    public async ValueTask<IReadOnlyList<UndecidableStep>> Handle(ListUndecidableSteps query, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(query.Actor, cancellationToken);
        var open = await db.WorkflowSteps.AsNoTracking().Where(s => s.Status == StepStatus.Open)
            .OrderBy(s => s.OpenedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        if (open.Count == 0) return [];
        var nations = open.Select(s => s.Nation).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => nations.Contains(u.Nation)).ToListAsync(cancellationToken);
        // Assignees no longer among them: deactivated ones are named with when (removed ones have no record left).
        var gone = open.Select(s => s.Assignee).OfType<string>().Except(users.Select(u => u.Name)).ToList();
        var deactivated = gone.Count == 0 ? new Dictionary<string, User>() : await db.Users.AsNoTracking().IgnoreQueryFilters()
            .Where(u => gone.Contains(u.Name)).ToDictionaryAsync(u => u.Name, cancellationToken);
        var codes = open.Select(s => s.SubjectKey).Distinct().ToList();
        var proposals = await db.Proposals.AsNoTracking().Where(p => codes.Contains(p.Code))
            .Select(p => new { p.Code, p.Name, p.Coordinator }).ToDictionaryAsync(p => p.Code, cancellationToken);

        var stuck = new List<UndecidableStep>();
        foreach (var step in open)
        {
            var proposal = proposals[step.SubjectKey];
            // Who could decide it now, as WorkflowEngine.MayDecide sees it; the coordinator never decides their own proposal.
            if (users.Any(u => u.Name != proposal.Coordinator && u.Holds(step))) continue;
            var candidates = users.Where(u => u.Nation == step.Nation && u.Name != proposal.Coordinator)
                .Select(PersonView.From).OrderBy(p => p.Label, StringComparer.CurrentCulture).ToList();
            stuck.Add(new UndecidableStep(step.Id, step.SubjectKey, proposal.Name, step.StageId, step.StageName, step.Nation, step.Role,
                step.OpenedAt, step.DueAt, step.Assignee, Why(step, proposal.Coordinator, users, deactivated), candidates));
        }
        return stuck;
    }

    private static string Why(WorkflowStep step, string coordinator, IReadOnlyList<User> users, IReadOnlyDictionary<string, User> deactivated)
    {
        var nation = Words.Nation(step.Nation);
        if (step.Assignee is { } assignee && deactivated.TryGetValue(assignee, out var person) && person.DeactivatedAt is { } at)
            return $"It was handed to {PersonView.From(person).Label}, who was deactivated on {Words.Time(at)}.";
        if (step.Assignee is { } other && other != coordinator)
            return $"It was handed to {other}, who is no longer a user of {nation}.";
        return users.Any(u => u.Name == coordinator && u.Nation == step.Nation && u.HasRole(step.Role))
            ? $"Only the proposal's coordinator holds the {Words.Role(step.Role)} role in {nation}, and may not decide their own proposal."
            : $"No one in {nation} holds the {Words.Role(step.Role)} role.";
    }
}
