using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Users;

/// <summary>Who a signed-in user is for the planner: nation and roles decide what the pages offer them.</summary>
public sealed record ShowUser(string Name) : IQuery<UserView>;

/// <summary>What a user's roles let them use, for pages that offer only that.</summary>
public static class UserAbilities
{
    public static bool IsCoordinator(this UserView user) => user.Roles.Contains(User.Coordinator) || user.IsAdmin();
    public static bool IsAdmin(this UserView user) => user.Roles.Contains(User.Admin);
}

public sealed class ShowUserHandler(PlannerDbContext db) : IQueryHandler<ShowUser, UserView>
{
    public async ValueTask<UserView> Handle(ShowUser query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Name == query.Name, cancellationToken)
            ?? throw new NotFoundException($"no user '{query.Name}'");
        return UserView.From(user);
    }
}
