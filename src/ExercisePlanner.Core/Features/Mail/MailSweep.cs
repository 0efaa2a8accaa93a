using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExercisePlanner.Core.Features.Mail;

/// <summary>The web host's background sender: delivers the outbox every <see cref="Period"/>; any number of nodes may run it.</summary>
public sealed class MailSweep(MailSender sender, ILogger<MailSweep> logger) : BackgroundService
{
    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                var run = await sender.SendPendingAsync(stoppingToken);
                if (run != new MailRun(0, 0, 0))
                    logger.LogInformation("Mail: {Delivered} delivered, {Failed} to retry, {Dead} dead letters", run.Delivered, run.Failed, run.DeadLettered);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Mail run failed; retrying in {Period}", Period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
