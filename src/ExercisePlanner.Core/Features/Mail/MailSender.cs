using ExercisePlanner.Core.Common;

namespace ExercisePlanner.Core.Features.Mail;

/// <summary>
/// Delivers the outbox: composes due digests, then claims a batch, hands it to the transport over one
/// connection and records each message's outcome as soon as the server has taken it, and repeats until
/// nothing is due. Sending happens between transactions, never inside one, so the database's writer lock is
/// not held while a mail server thinks; a crash after the server took a message and before its outcome was
/// recorded sends that one message again, under the same Message-ID.
/// </summary>
public sealed class MailSender(IsolatedSender sender, MailSettings settings, TimeProvider clock)
{
    /// <summary>Time a message still needs from its lease to be tried: the SMTP timeout with room to spare, less for short leases.</summary>
    private TimeSpan Margin => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, settings.Lease.Ticks / 2));

    public async Task<MailRun> SendPendingAsync(CancellationToken cancellationToken = default)
    {
        await sender.Send(new ComposeDigests(), cancellationToken);
        var total = new MailRun(0, 0, 0);
        while (true)
        {
            var claimed = await sender.Send(new ClaimMail(settings.BatchSize), cancellationToken);
            if (claimed.Count == 0) return total;
            total += await DeliverAsync(claimed, cancellationToken);
        }
    }

    private async Task<MailRun> DeliverAsync(IReadOnlyList<ClaimedMail> claimed, CancellationToken cancellationToken)
    {
        IMailTransport transport;
        try
        {
            transport = await IMailTransport.OpenAsync(settings, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = $"could not reach the mail server: {ex.Message}";
            return await RecordAsync(claimed.Select(c => new DeliveryResult(c.Message.Id, c.AttemptId, false, error)).ToList());
        }
        var run = new MailRun(0, 0, 0);
        await using (transport)
        {
            var untried = new List<DeliveryResult>();
            foreach (var (message, attemptId, until) in claimed)
            {
                if (cancellationToken.IsCancellationRequested || clock.GetUtcNow() + Margin > until)
                {
                    untried.Add(new DeliveryResult(message.Id, attemptId, false, null));
                    continue;
                }
                string? error = null;
                try
                {
                    await transport.SendAsync(MailComposer.ToMime(message, settings), cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    error = ex.Message;
                }
                run += await RecordAsync([new DeliveryResult(message.Id, attemptId, error is null, error)]);
            }
            if (untried.Count > 0) run += await RecordAsync(untried);
        }
        return run;
    }

    // Recorded even when the host is stopping: the mail is out, its outcome must not be lost.
    private Task<MailRun> RecordAsync(IReadOnlyList<DeliveryResult> results) => sender.Send(new RecordDelivery(results), CancellationToken.None);
}
