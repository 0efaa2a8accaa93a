using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Notifications;

/// <summary>Marks one of the user's notifications read, or all of them when no id is given; returns how many are still unread.</summary>
public sealed record MarkNotificationsRead(string Actor, int? Id = null) : ICommand<int>, IActorRequest;

public sealed class MarkNotificationsReadHandler(PlannerDbContext db, TimeProvider clock) : ICommandHandler<MarkNotificationsRead, int>
{
    public async ValueTask<int> Handle(MarkNotificationsRead command, CancellationToken cancellationToken)
    {
        var unread = db.Notifications.Where(n => n.Recipient == command.Actor && n.ReadAt == null);
        if (command.Id is { } id)
        {
            // Someone else's notification is "not found", like one that does not exist.
            if (!await db.Notifications.AnyAsync(n => n.Id == id && n.Recipient == command.Actor, cancellationToken))
                throw new NotFoundException($"no notification {id}");
            unread = unread.Where(n => n.Id == id);
        }
        var now = clock.GetUtcNow();
        // Loaded and changed one by one, not bulk-updated, so each change is audited.
        foreach (var notification in await unread.ToListAsync(cancellationToken)) notification.ReadAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.Recipient == command.Actor && n.ReadAt == null, cancellationToken);
    }
}
