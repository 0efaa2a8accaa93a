using System.Text;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using MimeKit;

namespace ExercisePlanner.Core.Features.Mail;

/// <summary>
/// The e-mail for a notification or a digest. Subjects carry the classification marking; bodies carry only
/// the proposal's code, name, stage and link, unless <see cref="MailSettings.DetailedBodies"/> allows what happened.
/// </summary>
public static class MailComposer
{
    public static OutboxMessage ForNotification(Notification n, Proposal proposal, string to, MailSettings settings, DateTimeOffset now, string? invitation)
    {
        var content = proposal.Content;
        var marking = Markings.Banner(content.Classification, content.ReleasableTo, listAtMost: 6);
        var body = new StringBuilder().AppendLine(marking).AppendLine();
        Describe(body, n, settings);
        body.AppendLine().AppendLine(marking);
        return NewMessage(n.Recipient, to, $"[{marking}] {Words.Of(n.Kind)}: {proposal.Code}", body.ToString(), now, invitation);
    }

    /// <summary>One mail for a day's notifications, grouped by proposal; marked with the highest classification among them.</summary>
    public static OutboxMessage Digest(string recipient, string to, IReadOnlyList<(Notification Notification, Classification Classification)> items,
        MailSettings settings, DateTimeOffset now)
    {
        var marking = items.Max(i => i.Classification).Name();
        var proposals = items.GroupBy(i => i.Notification.ProposalCode).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var body = new StringBuilder().AppendLine(marking).AppendLine()
            .AppendLine($"{items.Count} {(items.Count == 1 ? "notification" : "notifications")} on {proposals.Count} {(proposals.Count == 1 ? "proposal" : "proposals")} since your last digest.").AppendLine();
        foreach (var group in proposals)
        {
            var first = group.First().Notification;
            body.AppendLine($"{first.ProposalCode} — {first.ProposalName} ({group.First().Classification.Name()})");
            foreach (var (n, _) in group.OrderBy(i => i.Notification.CreatedAt))
            {
                body.Append($"  - {Words.Of(n.Kind)}, {n.Stage}");
                if (settings.DetailedBodies) body.Append($": {n.Headline}");
                body.AppendLine();
            }
            body.AppendLine($"  {settings.BaseUrl}/proposals/{Uri.EscapeDataString(first.ProposalCode)}").AppendLine();
        }
        body.AppendLine(marking);
        return NewMessage(recipient, to, $"[{marking}] Daily digest: {items.Count} {(items.Count == 1 ? "notification" : "notifications")}", body.ToString(), now, null);
    }

    private static void Describe(StringBuilder body, Notification n, MailSettings settings)
    {
        body.AppendLine($"Proposal: {n.ProposalCode} — {n.ProposalName}");
        body.AppendLine($"Stage: {n.Stage}");
        if (settings.DetailedBodies)
        {
            body.AppendLine($"What happened: {n.Headline}");
            body.AppendLine($"What is expected: {n.Expected}");
            if (n.DueAt is { } due) body.AppendLine($"By: {Words.Time(due)}");
        }
        body.AppendLine($"Open: {settings.BaseUrl}{n.Link}");
    }

    private static OutboxMessage NewMessage(string recipient, string to, string subject, string body, DateTimeOffset now, string? invitation) => new()
    {
        MessageId = $"{Guid.NewGuid():N}@exerciseplanner",
        Recipient = recipient, To = to, Subject = subject, Body = body, Invitation = invitation,
        Status = MailStatus.Pending, CreatedAt = now, NextAttemptAt = now,
    };

    /// <summary>The MIME message as sent, the same bytes on every attempt (Message-ID and date come from the outbox row).</summary>
    public static MimeMessage ToMime(OutboxMessage message, MailSettings settings)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = message.MessageId, Date = message.CreatedAt };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        var text = new TextPart("plain") { Text = message.Body };
        if (message.Invitation is null)
        {
            mime.Body = text;
            return mime;
        }
        var calendar = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(message.Invitation))),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "planning-conferences.ics",
        };
        calendar.ContentType.Parameters.Add("method", "PUBLISH");
        mime.Body = new Multipart("mixed") { text, calendar };
        return mime;
    }
}
