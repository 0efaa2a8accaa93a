using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Mail;

/// <summary>
/// Takes up to <paramref name="Max"/> due messages for this sender until the lease ends, and opens an attempt
/// for each. The claim commits before anything is sent: a sender that dies leaves an attempt without outcome,
/// and the message is taken again once the lease has passed (with the same Message-ID).
/// Claims run under the database's writer lock (<see cref="PlannerDbContext.BeginWriteAsync"/>: the advisory
/// lock on PostgreSQL), so two nodes never claim one message.
/// </summary>
public sealed record ClaimMail(int Max) : ICommand<IReadOnlyList<ClaimedMail>>;

public sealed record ClaimedMail(OutboxMessage Message, int AttemptId, DateTimeOffset ClaimedUntil);

public sealed class ClaimMailHandler(PlannerDbContext db, MailSettings settings, TimeProvider clock) : ICommandHandler<ClaimMail, IReadOnlyList<ClaimedMail>>
{
    public async ValueTask<IReadOnlyList<ClaimedMail>> Handle(ClaimMail command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.Status == MailStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(command.Max).ToListAsync(cancellationToken);
        var until = now + settings.Lease;
        var attempts = due.Select(message =>
        {
            message.ClaimedUntil = until;
            message.Attempts++;
            var attempt = new DeliveryAttempt { StartedAt = now };
            message.History.Add(attempt);
            return (message, attempt);
        }).ToList();
        await db.SaveChangesAsync(cancellationToken); // the attempts get their ids
        return attempts.Select(a => new ClaimedMail(a.message, a.attempt.Id, until)).ToList();
    }
}

/// <summary>How one claimed message fared: delivered, failed (with the error), or not tried (released at once).</summary>
public sealed record DeliveryResult(int MessageId, int AttemptId, bool Delivered, string? Error);

/// <summary>Records what the sender did: a delivered message is done; a failed one waits longer after each failure and, after the last, goes to the dead letters.</summary>
public sealed record RecordDelivery(IReadOnlyList<DeliveryResult> Results) : ICommand<MailRun>;

/// <summary>Messages delivered, failed (to be retried) and moved to the dead letters in one run.</summary>
public sealed record MailRun(int Delivered, int Failed, int DeadLettered)
{
    public static MailRun operator +(MailRun a, MailRun b) => new(a.Delivered + b.Delivered, a.Failed + b.Failed, a.DeadLettered + b.DeadLettered);
}

public sealed class RecordDeliveryHandler(PlannerDbContext db, MailSettings settings, TimeProvider clock) : ICommandHandler<RecordDelivery, MailRun>
{
    private const int LongestError = 1000;

    public async ValueTask<MailRun> Handle(RecordDelivery command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = command.Results.Select(r => r.MessageId).ToList();
        var messages = await db.OutboxMessages.Include(m => m.History).Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var run = new MailRun(0, 0, 0);
        foreach (var result in command.Results)
        {
            var message = messages[result.MessageId];
            var attempt = message.History.Single(a => a.Id == result.AttemptId);
            message.ClaimedUntil = null;
            if (result.Delivered)
            {
                (attempt.EndedAt, attempt.Delivered) = (now, true);
                (message.Status, message.SentAt) = (MailStatus.Sent, now);
                run += new MailRun(1, 0, 0);
            }
            else if (result.Error is null)
            {
                // Not tried: the lease ran short. Give the attempt back.
                message.History.Remove(attempt);
                db.DeliveryAttempts.Remove(attempt);
                message.Attempts--;
            }
            else
            {
                var error = result.Error.Length > LongestError ? result.Error[..LongestError] : result.Error;
                (attempt.EndedAt, attempt.Delivered, attempt.Error, message.LastError) = (now, false, error, error);
                if (message.Attempts >= settings.MaxAttempts)
                {
                    message.Status = MailStatus.DeadLetter;
                    run += new MailRun(0, 0, 1);
                }
                else
                {
                    message.NextAttemptAt = now + settings.RetryAfter(message.Attempts);
                    run += new MailRun(0, 1, 0);
                }
            }
        }
        return run;
    }
}
