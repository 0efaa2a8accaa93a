using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Notifications;

/// <summary>Who an event concerns, before <see cref="Notifier"/> drops those who may not see the proposal.</summary>
public static class Audience
{
    /// <summary>Who may decide the step now: its delegate or reassignee if any, else its nation's holders of its role; and the escalation role once escalated.</summary>
    public static Task<List<User>> HoldersAsync(this PlannerDbContext db, WorkflowStep step, CancellationToken cancellationToken)
    {
        var (nation, role, assignee, escalatedTo) = (step.Nation, step.Role, step.Assignee, step.EscalatedTo);
        return db.Users.AsNoTracking()
            .Where(u => u.Nation == nation
                        && ((assignee == null ? u.Roles.Contains(role) : u.Name == assignee)
                            || (escalatedTo != null && u.Roles.Contains(escalatedTo))))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The proposal's coordinator and everyone who has decided one of its steps, in any revision.</summary>
    public static Task<List<User>> TakingPartAsync(this PlannerDbContext db, Proposal proposal, CancellationToken cancellationToken)
    {
        var deciders = db.WorkflowSteps.Where(s => s.SubjectKey == proposal.Code && s.DecidedBy != null).Select(s => s.DecidedBy);
        return db.Users.AsNoTracking()
            .Where(u => u.Name == proposal.Coordinator || deciders.Contains(u.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Users of the given nations holding one of the given roles.</summary>
    public static Task<List<User>> OfNationsAsync(this PlannerDbContext db, IReadOnlyList<string> nations, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => nations.Contains(u.Nation) && u.Roles.Any(r => roles.Contains(r)))
            .ToListAsync(cancellationToken);

    public static Task<List<User>> NamedAsync(this PlannerDbContext db, string name, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Name == name).ToListAsync(cancellationToken);
}
