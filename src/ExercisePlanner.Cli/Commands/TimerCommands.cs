using System.CommandLine;
using System.Globalization;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Workflows;

namespace ExercisePlanner.Cli.Commands;

internal static class TimerCommands
{
    public static Command Build()
    {
        var now = new Option<DateTimeOffset?>("--now")
        {
            Description = "process as if it were this time (ISO 8601)",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value;
                result.AddError($"--now: '{text}' is not an ISO 8601 date and time");
                return null;
            },
        };
        var run = new Command("run", "process due reminders and escalations").With(now).Runs(async run =>
        {
            var result = await run.Send(new RunTimers(run.Parse.GetValue(now)));
            run.Print(result, o => o.WriteLine(
                $"at {result.Now:yyyy-MM-dd HH:mm}Z: {result.Reminders} reminders, {result.Escalations} escalations sent; {result.Cancelled} timers of closed steps dropped"));
            // As the web host's sweep does: documents an approval left undone (the process stopped before storing them).
            await run.Send(new CatchUpDocuments());
            return ExitCodes.Success;
        });
        return new Command("timers", "durable reminders and escalations").With(run);
    }
}
