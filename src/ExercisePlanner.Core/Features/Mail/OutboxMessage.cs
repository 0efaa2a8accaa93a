namespace ExercisePlanner.Core.Features.Mail;

public enum MailStatus { Pending, Sent, DeadLetter }

/// <summary>
/// An e-mail waiting in the transactional outbox: written with the change that causes it, sent later by
/// <see cref="MailSender"/>. Its Message-ID is fixed here, so a resend after a crash is the same message to every mail system.
/// </summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }
    /// <summary>The Message-ID header without angle brackets, e.g. <c>3f2a…@exerciseplanner</c>.</summary>
    public string MessageId { get; set; } = "";
    public string Recipient { get; set; } = "";
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>An iCalendar invitation attached to the mail (planning conferences), if any.</summary>
    public string? Invitation { get; set; }
    public MailStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Not sent before this time: creation, then later after each failure (back-off).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>A sender holds the message until this time; after it (say, the sender died) another may take it.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    public List<DeliveryAttempt> History { get; set; } = [];
}

/// <summary>One try to hand a message to the mail server; an attempt without an outcome is one whose sender died.</summary>
public sealed class DeliveryAttempt
{
    public int Id { get; set; }
    public int OutboxMessageId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public bool? Delivered { get; set; }
    public string? Error { get; set; }
}
