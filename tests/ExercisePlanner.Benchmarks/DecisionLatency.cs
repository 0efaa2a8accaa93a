using System.Diagnostics;
using ExercisePlanner.Core;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Documents;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Benchmarks;

/// <summary>
/// Issue 6 (a): one decision through the whole in-process pipeline (validation, transaction, workflow
/// evaluation, audit chain, SQLite commit), measured per decision on a real database file.
/// </summary>
public static class DecisionLatency
{
    public static async Task PrintAsync(int proposals)
    {
        var directory = Directory.CreateTempSubdirectory("planner-bench-").FullName;
        try
        {
            await using var services = new ServiceCollection().AddExercisePlanner(DatabaseSettings.Sqlite(Path.Combine(directory, "bench.db"))).AddPdfDocuments().BuildServiceProvider();
            await services.InitializePlannerAsync();
            var sender = services.GetRequiredService<IsolatedSender>();
            foreach (var user in DemoData.Users) await sender.Send(user);
            var template = DemoData.Proposal(DateOnly.FromDateTime(DateTime.UtcNow));
            for (var i = 0; i < proposals; i++)
            {
                await sender.Send(new ImportProposal(template with { Code = $"BENCH-{i:0000}" }, DemoData.Coordinator));
                await sender.Send(new SubmitProposal($"BENCH-{i:0000}", DemoData.Coordinator));
            }

            // Every national approval but the last only records a decision; the fourth also opens the next stage.
            var times = new List<double>();
            var opening = new List<double>();
            foreach (var approver in new[] { "jor.approver", "tur.approver", "pak.approver", "idn.approver" })
            {
                foreach (var step in await sender.Send(new ListSteps(approver)))
                {
                    var watch = Stopwatch.StartNew();
                    var result = await sender.Send(new DecideStep(step.Id, Decision.Approve, "Concur.", approver));
                    var elapsed = watch.Elapsed.TotalMilliseconds;
                    times.Add(elapsed);
                    if (result.Opened.Count > 0) opening.Add(elapsed);
                }
            }
            Console.WriteLine($"decisions: {times.Count} on {proposals} proposals; all: {Summary(times)}; decision that opens the next stage: {Summary(opening)}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Summary(List<double> times)
    {
        var sorted = times.Skip(Math.Min(10, times.Count / 10)).Order().ToList(); // the first few warm up the JIT
        double At(double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Round(q * (sorted.Count - 1)))];
        return $"p50 {At(0.5):0.00} ms, p99 {At(0.99):0.00} ms";
    }
}
