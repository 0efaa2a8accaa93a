using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Mail;
using ExercisePlanner.Core.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Users;

/// <summary>
/// An administrator deactivates a user: from then on they sign in nowhere, their sessions and tokens stop working (the
/// web host checks every request), and they decide, receive and staff nothing. The record stays, so past decisions keep
/// their name; steps handed to them (delegated or reassigned) wait on the Stuck-steps list for an administrator to give
/// them to someone else. Audited like every change.
/// </summary>
public sealed record DeactivateUser(string Name, string Actor) : ICommand<UserView>, IActorRequest;

public sealed class DeactivateUserValidator : JsonValidator<DeactivateUser>
{
    public DeactivateUserValidator() => RuleFor(c => c.Name).NotEmpty().WithMessage("name the user to deactivate");
}

public sealed class DeactivateUserHandler(PlannerDbContext db, TimeProvider clock) : ICommandHandler<DeactivateUser, UserView>
{
    public async ValueTask<UserView> Handle(DeactivateUser command, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(command.Actor, cancellationToken);
        var user = await db.RequireManagedUserAsync(command.Name, cancellationToken);
        if (user.DeactivatedAt is { } at) throw new ConflictException($"{user.Name} was already deactivated on {Words.Time(at)}");
        await db.RequireAnotherAdminAsync(user, "deactivated", cancellationToken);
        if (user.Name == command.Actor) throw new InvalidInputException("name", "you cannot deactivate yourself; another administrator can");
        var now = clock.GetUtcNow();
        user.Deactivate(now);
        await StopMailAsync(user, now, cancellationToken);
        return UserView.From(user);
    }

    /// <summary>Mail not yet sent to them is not sent (the outbox shows why), and nothing waits for their digest.</summary>
    private async Task StopMailAsync(User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var message in await db.OutboxMessages.Where(m => m.Recipient == user.Name && m.Status == MailStatus.Pending).ToListAsync(cancellationToken))
        {
            message.Status = MailStatus.DeadLetter;
            message.LastError = $"not sent: {user.Name} was deactivated on {Words.Time(now)}";
        }
        foreach (var waiting in await db.Notifications.Where(n => n.Recipient == user.Name && n.DigestPending).ToListAsync(cancellationToken))
            waiting.DigestPending = false;
    }
}
