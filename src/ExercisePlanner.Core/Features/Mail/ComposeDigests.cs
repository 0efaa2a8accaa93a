using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Mail;

/// <summary>
/// Once a day, at <see cref="MailSettings.DigestHour"/> UTC, puts one mail in the outbox for each user who
/// chose the daily digest, with every notification they received before that hour and not yet mailed.
/// Idempotent: the notifications it mails are marked, in the same transaction as the mail.
/// </summary>
public sealed record ComposeDigests(DateTimeOffset? Now = null) : ICommand<int>;

public sealed class ComposeDigestsHandler(PlannerDbContext db, MailSettings settings, TimeProvider clock) : ICommandHandler<ComposeDigests, int>
{
    public async ValueTask<int> Handle(ComposeDigests command, CancellationToken cancellationToken)
    {
        var now = command.Now ?? clock.GetUtcNow();
        var cutoff = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(settings.DigestHour);
        if (cutoff > now) cutoff = cutoff.AddDays(-1);

        var pending = await db.Notifications.Where(n => n.DigestPending && n.CreatedAt <= cutoff).ToListAsync(cancellationToken);
        if (pending.Count == 0) return 0;
        var names = pending.Select(n => n.Recipient).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, cancellationToken);
        var codes = pending.Select(n => n.ProposalCode).Distinct().ToList();
        var classifications = (await db.Proposals.AsNoTracking().Where(p => codes.Contains(p.Code)).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Code, p => p.Content.Classification);

        var composed = 0;
        foreach (var group in pending.GroupBy(n => n.Recipient))
        {
            foreach (var notification in group) notification.DigestPending = false;
            // A user who has since chosen otherwise, lost their address or been deactivated gets no digest.
            if (users.GetValueOrDefault(group.Key) is not { Email: { } to, MailPreference: MailPreference.DailyDigest }) continue;
            var items = group.Select(n => (n, classifications[n.ProposalCode])).ToList();
            db.Append(MailComposer.Digest(group.Key, to, items, settings, now));
            composed++;
        }
        return composed;
    }
}
