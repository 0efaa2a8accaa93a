using System.Diagnostics;
using ExercisePlanner.Core;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using ExercisePlanner.Testing;

namespace ExercisePlanner.Benchmarks;

/// <summary>
/// Issue 6 (a): one decision through the whole in-process pipeline (validation, transaction, workflow
/// evaluation, audit chain, SQLite commit), measured per decision on a real database file.
/// </summary>
public static class DecisionLatency
{
    public static async Task PrintAsync(DatabaseSettings database, int proposals)
    {
        await using var services = PlannerServices.Build(database);
        await services.InitializePlannerAsync();
        var sender = services.GetRequiredService<IsolatedSender>();
        await services.GetRequiredService<DemoScenario>().SeedInFlightAsync(proposals, "BENCH");

        // Every national approval but the last only records a decision; the fourth also opens the next stage.
        var times = new List<double>();
        var opening = new List<double>();
        foreach (var approver in DemoData.NationalApprovers)
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
        Console.WriteLine($"in-process decisions on {database.Provider}: {times.Count} on {proposals} proposals; all: {Summary(times)}; decision that opens the next stage: {Summary(opening)}");
    }

    private static string Summary(List<double> times)
    {
        var sorted = times.Skip(Math.Min(10, times.Count / 10)).Order().ToList(); // the first few warm up the JIT
        double At(double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Round(q * (sorted.Count - 1)))];
        return $"p50 {At(0.5):0.00} ms, p99 {At(0.99):0.00} ms";
    }
}
