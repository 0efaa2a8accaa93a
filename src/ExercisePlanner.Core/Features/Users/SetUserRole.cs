using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Users;

/// <summary>
/// An administrator gives a user a role (<paramref name="Holds"/> true) or takes it away (false). Taking a role away also
/// takes back the open steps of that role delegated to the user: they return to the role's other holders (or to the
/// Stuck-steps list when there are none). Audited like every change.
/// </summary>
public sealed record SetUserRole(string Name, string Role, bool Holds, string Actor) : ICommand<UserView>, IActorRequest;

public sealed class SetUserRoleValidator : JsonValidator<SetUserRole>
{
    public SetUserRoleValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("name the user");
        RuleFor(c => c.Role).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("choose the role to give or take away").Must(r => AddUserValidator.RolePattern().IsMatch(r))
            .WithMessage(c => $"'{c.Role}' is not a valid role: lower-case words joined by dashes, such as legal-advisor");
    }
}

public sealed class SetUserRoleHandler(PlannerDbContext db) : ICommandHandler<SetUserRole, UserView>
{
    public async ValueTask<UserView> Handle(SetUserRole command, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(command.Actor, cancellationToken);
        var user = await db.RequireManagedUserAsync(command.Name, cancellationToken);
        if (user.DeactivatedAt is { } at) throw new ConflictException($"{user.Name} was deactivated on {Words.Time(at)}; their roles no longer change");
        var role = Words.Role(command.Role);
        if (command.Holds)
        {
            if (user.HasRole(command.Role)) throw new InvalidInputException("role", $"{user.Name} already holds the {role} role");
            user.AddRole(command.Role);
            return UserView.From(user);
        }

        if (!user.HasRole(command.Role)) throw new InvalidInputException("role", $"{user.Name} does not hold the {role} role");
        if (user.Roles.Count == 1)
            throw new InvalidInputException("role", $"the {role} role is {user.Name}'s only one: give them another first, or deactivate them");
        if (command.Role == User.Admin) await db.RequireAnotherAdminAsync(user, "removed from the administrators", cancellationToken);
        if (command.Role == User.Admin && user.Name == command.Actor)
            throw new InvalidInputException("role", "you cannot take your own administrator role away; another administrator can");
        user.RemoveRole(command.Role);
        var delegated = await db.WorkflowSteps
            .Where(s => s.Status == StepStatus.Open && s.Assignee == user.Name && s.Role == command.Role).ToListAsync(cancellationToken);
        foreach (var step in delegated) step.Assignee = null;
        return UserView.From(user);
    }
}
