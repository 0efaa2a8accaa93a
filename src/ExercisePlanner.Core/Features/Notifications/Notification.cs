namespace ExercisePlanner.Core.Features.Notifications;

/// <summary>What happened, as the inbox and the e-mail name it.</summary>
public enum NotificationKind { StepOpened, Delegated, Reassigned, Reminder, Escalation, ChangesRequested, Rejected, Approved, Withdrawn, Comment, DocumentsReady }

/// <summary>
/// One event told to one user: which proposal, what happened, what is expected of them and by when, and
/// where to act. Written in the transaction of the change that causes it, so it exists if and only if the change does.
/// </summary>
public sealed class Notification
{
    public int Id { get; set; }
    public string Recipient { get; set; } = "";
    public NotificationKind Kind { get; set; }
    public string ProposalCode { get; set; } = "";
    public string ProposalName { get; set; } = "";
    public int? StepId { get; set; }
    /// <summary>The stage the event concerns, or the proposal's status in words for outcomes.</summary>
    public string Stage { get; set; } = "";
    public string Headline { get; set; } = "";
    public string Expected { get; set; } = "";
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>The page to act on, relative to the site (mail makes it absolute).</summary>
    public string Link { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>Waiting for the recipient's next daily digest e-mail.</summary>
    public bool DigestPending { get; set; }
}
