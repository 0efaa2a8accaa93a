using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Documents;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>
/// Runs <see cref="RunTimers"/> periodically in a long-running host, then stores documents an approval left undone
/// (<see cref="CatchUpDocuments"/>). Both are idempotent, so several sweeps (or a sweep and a manual <c>timers run</c>)
/// never fire a timer or store documents twice.
/// </summary>
public sealed class TimerSweep(IsolatedSender sender, TimeProvider clock, ILogger<TimerSweep> logger) : BackgroundService
{
    public TimeSpan Period { get; init; } = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        do
        {
            try
            {
                var run = await sender.Send(new RunTimers(), stoppingToken);
                if (run.Reminders + run.Escalations > 0)
                    logger.LogInformation("Sent {Reminders} reminders and {Escalations} escalations", run.Reminders, run.Escalations);
                if (await sender.Send(new CatchUpDocuments(), stoppingToken) is > 0 and var stored)
                    logger.LogInformation("Stored the documents of {Revisions} approved revisions that had none", stored);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed sweep (say, the database busy beyond its timeout) is retried next period.
                logger.LogWarning(ex, "Timer sweep failed; retrying in {Period}", Period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
