using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Mail;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Notifications;

/// <summary>An event to tell people about: what happened and what is expected of them, about which step if any.</summary>
public sealed record Notice(NotificationKind Kind, string Headline, string Expected)
{
    public WorkflowStep? Step { get; init; }
    /// <summary>The stage in words; defaults to the step's stage.</summary>
    public string? Stage { get; init; }
    public DateTimeOffset? Due { get; init; }
    /// <summary>Only to users the proposal's documents are releasable to (documents ready).</summary>
    public bool ReleasableOnly { get; init; }
}

/// <summary>
/// Writes a notification per recipient, and their e-mail to the outbox (or marks it for their digest), in the
/// caller's unit of work: the change, its notifications and its mail commit together or not at all.
/// Nobody is told about a proposal they may not see, nor about their own action.
/// </summary>
public sealed class Notifier(PlannerDbContext db, MailSettings mail, TimeProvider clock)
{
    private Proposal? _read;
    private ((string, int, ProposalStatus) For, string? Text)? _invitation;

    public void Notify(Proposal proposal, Notice notice, IEnumerable<User> candidates, string? actor)
    {
        var now = clock.GetUtcNow();
        var stage = notice.Stage ?? notice.Step?.StageName ?? "";
        foreach (var user in candidates.DistinctBy(u => u.Name))
        {
            if (user.Name == actor || !user.CanSee(proposal) || (notice.ReleasableOnly && !user.MaySeeContent(proposal))) continue;
            var notification = new Notification
            {
                Recipient = user.Name, Kind = notice.Kind, ProposalCode = proposal.Code, ProposalName = proposal.Content.Name,
                StepId = notice.Step?.Id, Stage = stage, Headline = notice.Headline,
                Expected = notice.Expected, DueAt = notice.Due, Link = LinkTo(proposal.Code, notice.Step), CreatedAt = now,
            };
            db.Append(notification);
            if (user.Email is null) continue;
            switch (user.MailPreference)
            {
                case MailPreference.EachEvent:
                    // The conferences are content: only for those it is releasable to.
                    var attach = notice.Kind == NotificationKind.Approved && mail.AttachInvitations && user.MaySeeContent(proposal);
                    db.Append(MailComposer.ForNotification(notification, proposal, user.Email, mail, now, attach ? InvitationTo(proposal) : null));
                    break;
                case MailPreference.DailyDigest:
                    notification.DigestPending = true;
                    break;
            }
        }
    }

    /// <summary>
    /// The proposal an event is about, as stored (read-only; the caller may be changing it). Read again only if its
    /// version moved: an approval tells its deciders and then the participants, and a large proposal takes
    /// milliseconds to read, under the writer lock.
    /// </summary>
    public async Task<Proposal> ProposalAsync(string code, CancellationToken cancellationToken)
    {
        var version = await db.Proposals.Where(p => p.Code == code).Select(p => (int?)p.Version).SingleOrDefaultAsync(cancellationToken);
        if (_read is { } read && read.Code == code && read.Version == version) return read;
        return _read = await db.Proposals.AsNoTracking().SingleAsync(p => p.Code == code, cancellationToken);
    }

    /// <summary>The calendar invitation of the proposal as approved, made once per unit of work (Ical.Net takes milliseconds for it).</summary>
    private string? InvitationTo(Proposal proposal)
    {
        var key = (proposal.Code, proposal.Revision, proposal.Status);
        if (_invitation is { } made && made.For == key) return made.Text;
        var text = Calendar.CalendarFeed.Invitation(proposal);
        _invitation = (key, text);
        return text;
    }

    /// <summary>The proposal's page, at the step when there is one (callers save new steps first, so they have ids).</summary>
    private static string LinkTo(string code, WorkflowStep? step) =>
        step is null ? $"/proposals/{Uri.EscapeDataString(code)}" : $"/proposals/{Uri.EscapeDataString(code)}#step-{step.Id}";
}
