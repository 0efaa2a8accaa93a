using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Users;

/// <summary>For administrators: every user, deactivated ones included, by nation and name, and the roles one may be given.</summary>
public sealed record ListUsers(string Actor) : IQuery<UserDirectory>, IActorRequest;

/// <param name="Roles">The roles the published workflows ask for (step and escalation roles), those users hold, coordinator and admin.</param>
public sealed record UserDirectory(IReadOnlyList<UserView> Users, IReadOnlyList<string> Roles);

public sealed class ListUsersHandler(PlannerDbContext db, WorkflowDefinitions workflows) : IQueryHandler<ListUsers, UserDirectory>
{
    public async ValueTask<UserDirectory> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(query.Actor, cancellationToken);
        var users = await db.Users.AsNoTracking().IgnoreQueryFilters().OrderBy(u => u.Nation).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        var asked = (await workflows.PublishedAsync(db, cancellationToken)).Latest
            .SelectMany(d => d.Stages).SelectMany(s => s.Steps.Select(step => step.Role).Append(s.EscalateTo)).OfType<string>();
        var roles = asked.Concat(users.SelectMany(u => u.Roles)).Append(User.Coordinator).Append(User.Admin)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new UserDirectory(users.Select(UserView.From).ToList(), roles);
    }
}
