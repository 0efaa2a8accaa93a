using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Mail;

/// <summary>For administrators: the newest mail in the outbox (or only the dead letters), with their attempts.</summary>
public sealed record ListOutbox(string Actor, MailStatus? Status = null, int Limit = 100) : IQuery<IReadOnlyList<OutboxView>>;

public sealed record AttemptView(DateTimeOffset StartedAt, DateTimeOffset? EndedAt, bool? Delivered, string? Error);

/// <param name="Recipient">The recipient's user name.</param>
/// <param name="RecipientName">The recipient as people know them: "Brig Gen Khaled Al-Masri, Director of Training".</param>
public sealed record OutboxView(
    int Id, string MessageId, string Recipient, string RecipientName, string To, string Subject, string Body, bool HasInvitation, MailStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, int Attempts, DateTimeOffset? SentAt, string? LastError,
    IReadOnlyList<AttemptView> History);

public sealed class ListOutboxHandler(PlannerDbContext db) : IQueryHandler<ListOutbox, IReadOnlyList<OutboxView>>
{
    public async ValueTask<IReadOnlyList<OutboxView>> Handle(ListOutbox query, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(query.Actor, cancellationToken);
        var messages = db.OutboxMessages.AsNoTracking().Include(m => m.History).AsQueryable();
        if (query.Status is { } status) messages = messages.Where(m => m.Status == status);
        var list = await messages.OrderByDescending(m => m.Id).Take(Math.Clamp(query.Limit, 1, Paging.MaxLimit)).ToListAsync(cancellationToken);
        var names = list.Select(m => m.Recipient).Distinct().ToList();
        // Mail to someone deactivated since still names them.
        var people = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, PersonView.From, cancellationToken);
        return list.Select(m => new OutboxView(m.Id, m.MessageId, m.Recipient, people.TryGetValue(m.Recipient, out var person) ? person.WithTitle : m.Recipient, m.To, m.Subject, m.Body, m.Invitation is not null, m.Status,
            m.CreatedAt, m.NextAttemptAt, m.Attempts, m.SentAt, m.LastError,
            m.History.OrderBy(a => a.StartedAt).Select(a => new AttemptView(a.StartedAt, a.EndedAt, a.Delivered, a.Error)).ToList())).ToList();
    }
}

/// <summary>An administrator sends a dead letter again: it is pending once more, with a fresh count of attempts.</summary>
public sealed record RetryMail(int Id, string Actor) : ICommand, IActorRequest;

public sealed class RetryMailHandler(PlannerDbContext db, TimeProvider clock) : ICommandHandler<RetryMail>
{
    public async ValueTask<Unit> Handle(RetryMail command, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(command.Actor, cancellationToken);
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException($"no mail {command.Id} in the outbox");
        if (message.Status != MailStatus.DeadLetter)
            throw new ConflictException($"mail {command.Id} is not a dead letter; it is {(message.Status == MailStatus.Sent ? "sent" : "still being tried")}");
        (message.Status, message.Attempts, message.NextAttemptAt, message.ClaimedUntil) = (MailStatus.Pending, 0, clock.GetUtcNow(), null);
        return Unit.Value;
    }
}
