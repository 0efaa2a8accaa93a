using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Notifications;

/// <summary>Who an event concerns, before <see cref="Notifier"/> drops those who may not see the proposal.</summary>
public static class Audience
{
    /// <summary>Who may decide the step now: its delegate or reassignee if any, else its nation's holders of its role; and the escalation role once escalated.</summary>
    public static async Task<List<User>> HoldersAsync(this PlannerDbContext db, WorkflowStep step, CancellationToken cancellationToken) =>
        (await db.HoldersAsync([step], cancellationToken))[step].ToList();

    /// <summary>
    /// The holders of each of <paramref name="steps"/>, read in one query: a submission opens a step per nation, and
    /// a query per step kept every other writer waiting for 50 round trips.
    /// </summary>
    public static async Task<ILookup<WorkflowStep, User>> HoldersAsync(this PlannerDbContext db, IReadOnlyCollection<WorkflowStep> steps,
        CancellationToken cancellationToken)
    {
        var nations = steps.Select(s => s.Nation).Distinct().ToList();
        var roles = steps.Select(s => s.Role).Concat(steps.Select(s => s.EscalatedTo)).OfType<string>().Distinct().ToList();
        var assignees = steps.Select(s => s.Assignee).OfType<string>().Distinct().ToList();
        // A coarse filter in SQL (nation, and any of the roles or assignees); Holds decides for each step.
        var users = await db.Users.AsNoTracking()
            .Where(u => nations.Contains(u.Nation) && (assignees.Contains(u.Name) || u.Roles.Any(r => roles.Contains(r))))
            .ToListAsync(cancellationToken);
        return steps.SelectMany(step => users.Where(user => Holds(user, step)).Select(user => (step, user))).ToLookup(p => p.step, p => p.user);
    }

    /// <summary>Whether the user may decide the step (the engine's rule: nation, then the assignee, else the role; or the escalation role).</summary>
    public static bool Holds(this User user, WorkflowStep step) =>
        user.Nation == step.Nation
        && ((step.Assignee is null ? user.HasRole(step.Role) : user.Name == step.Assignee)
            || (step.EscalatedTo is not null && user.HasRole(step.EscalatedTo)));

    /// <summary>The proposal's coordinator and everyone who has decided one of its steps, in any revision.</summary>
    public static Task<List<User>> TakingPartAsync(this PlannerDbContext db, Proposal proposal, CancellationToken cancellationToken)
    {
        var deciders = db.WorkflowSteps.Where(s => s.SubjectKey == proposal.Code && s.DecidedBy != null).Select(s => s.DecidedBy);
        return db.Users.AsNoTracking()
            .Where(u => u.Name == proposal.Coordinator || deciders.Contains(u.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Who may decide one of the proposal's open steps now.</summary>
    public static async Task<List<User>> HoldersOfOpenStepsAsync(this PlannerDbContext db, Proposal proposal, CancellationToken cancellationToken)
    {
        var open = await db.WorkflowSteps.AsNoTracking().Where(s => s.SubjectKey == proposal.Code && s.Status == StepStatus.Open).ToListAsync(cancellationToken);
        return (await db.HoldersAsync(open, cancellationToken)).SelectMany(holders => holders).DistinctBy(u => u.Name).ToList();
    }

    /// <summary>Users of the given nations holding one of the given roles.</summary>
    public static Task<List<User>> OfNationsAsync(this PlannerDbContext db, IReadOnlyList<string> nations, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => nations.Contains(u.Nation) && u.Roles.Any(r => roles.Contains(r)))
            .ToListAsync(cancellationToken);

    public static Task<List<User>> NamedAsync(this PlannerDbContext db, string name, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Name == name).ToListAsync(cancellationToken);
}
