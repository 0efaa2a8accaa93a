using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Users;

public static class Actors
{
    /// <summary>The user a request is made as; an unknown name is bad input.</summary>
    public static async Task<User> RequireUserAsync(this PlannerDbContext db, string name, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Name == name, cancellationToken)
        ?? throw new InvalidInputException("--as", $"unknown user '{name}'");

    /// <summary>The user, who must be an administrator.</summary>
    public static async Task<User> RequireAdminAsync(this PlannerDbContext db, string name, CancellationToken cancellationToken)
    {
        var user = await db.RequireUserAsync(name, cancellationToken);
        return user.HasRole(User.Admin) ? user : throw new ForbiddenException($"{name} is not an administrator");
    }
}
