using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Users;

public static class Actors
{
    /// <summary>The user a request is made as; an unknown name is bad input, a deactivated user may do nothing.</summary>
    public static async Task<User> RequireUserAsync(this PlannerDbContext db, string name, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Name == name, cancellationToken)
        ?? (await db.Users.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(u => u.Name == name, cancellationToken) is { DeactivatedAt: { } at }
            ? throw new ForbiddenException($"{name} was deactivated on {Words.Time(at)}")
            : throw new InvalidInputException("--as", $"unknown user '{name}'"));

    /// <summary>The user, who must be an administrator.</summary>
    public static async Task<User> RequireAdminAsync(this PlannerDbContext db, string name, CancellationToken cancellationToken)
    {
        var user = await db.RequireUserAsync(name, cancellationToken);
        return user.HasRole(User.Admin) ? user : throw new ForbiddenException($"{name} is not an administrator");
    }

    /// <summary>The user an administrator manages, active or deactivated; 404 when there is none of that name.</summary>
    public static async Task<User> RequireManagedUserAsync(this PlannerDbContext db, string name, CancellationToken cancellationToken) =>
        await db.Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Name == name, cancellationToken)
        ?? throw new NotFoundException($"no user named '{name}'");

    /// <summary>Refuses a change that would leave no active administrator: nobody could then manage users or workflows.</summary>
    public static async Task RequireAnotherAdminAsync(this PlannerDbContext db, User user, string change, CancellationToken cancellationToken)
    {
        if (user.HasRole(User.Admin) && !await db.Users.AnyAsync(u => u.Name != user.Name && u.Roles.Contains(User.Admin), cancellationToken))
            throw new InvalidInputException("name", $"{user.Name} is the last administrator and cannot be {change}: make another user an administrator first");
    }
}
