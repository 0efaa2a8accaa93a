using System.Diagnostics;
using System.Diagnostics.Metrics;
using ExercisePlanner.Core;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Testing;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Benchmarks;

/// <summary>
/// Issue 11, finding 1: (a) the longest any request held the writer lock (what every other writer may
/// wait), over the largest proposals the API accepts, their submission, and refused ones of 60,000 entries;
/// (b) a decision's latency while a coordinator imports the largest allowed proposal again and again.
/// Read from the lock's own histogram (<see cref="WriteTransaction.MeterName"/>), as an operator would.
/// </summary>
public static class WriterLockHold
{
    public static async Task PrintAsync(DatabaseSettings database, int decisions)
    {
        Console.WriteLine($"writer lock on {database.Provider}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {LoadAverage()}");
        await using var services = PlannerServices.Build(database);
        await services.InitializePlannerAsync();
        var sender = services.GetRequiredService<IsolatedSender>();
        await services.GetRequiredService<DemoScenario>().SeedInFlightAsync(decisions / DemoData.NationalApprovers.Count + 1, "HOLD");
        foreach (var user in LargestProposal.Staff()) await sender.Send(user); // its submission needs someone for every step
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(200);

        var held = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == WriteTransaction.MeterName) l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => { lock (held) held.Add(value); });
        listener.Start();
        using var phases = new LockPhases();

        // (a) Accepted: the largest proposal created, updated, submitted, and decided to its approval. Refused: every list far past its limit.
        var largest = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var code = $"LARGEST-{i:000}";
            foreach (var request in new Func<Task>[]
            {
                () => phases.Measure("create", () => sender.Send(new ImportProposal(LargestProposal.Build(code, start), DemoData.Coordinator, "bench"))),
                () => phases.Measure("update", () => sender.Send(new ImportProposal(LargestProposal.Build(code, start) with { Name = "Updated" }, DemoData.Coordinator, "bench"))),
                () => phases.Measure("submit", () => sender.Send(new SubmitProposal(code, DemoData.Coordinator))),
            })
            {
                var before = Count(held);
                await request();
                largest.AddRange(Since(held, before));
            }
        }
        // Every step of a largest proposal decided, stage after stage, to its approval (after which its documents are
        // stored): once to compile that path (a process pays for it at its first approval), then measured.
        var deciders = LargestProposal.Staff().Select(u => u.Name).ToList();
        async Task ApproveAsync(string code, bool measured)
        {
            for (var decided = true; decided;)
            {
                decided = false;
                foreach (var decider in deciders)
                    foreach (var step in await sender.Send(new ListSteps(decider, code)))
                    {
                        var before = Count(held);
                        var decide = () => sender.Send(new DecideStep(step.Id, Decision.Approve, "Concur.", decider));
                        if (measured) await phases.Measure("decide largest", decide); else await decide();
                        if (measured) largest.AddRange(Since(held, before));
                        decided = true;
                    }
            }
        }
        await ApproveAsync("LARGEST-001", measured: false);
        await ApproveAsync("LARGEST-000", measured: true);
        var refusedBefore = Count(held);
        var refusedTimes = new List<double>();
        var huge = LargestProposal.Over("HUGE-27", start, 60_000);
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            try { await sender.Send(new ImportProposal(huge, DemoData.Coordinator, "bench")); }
            catch (InvalidInputException) { refusedTimes.Add(watch.Elapsed.TotalMilliseconds); }
        }
        var refusedHeld = Since(held, refusedBefore);
        Console.WriteLine($"writer lock on {database.Provider}: largest accepted proposal (create, update, submit; 20 each; every decision to its approval): longest hold {largest.Skip(3).Max():0.0} ms, p50 {Percentile(largest.Skip(3), 0.5):0.0} ms; "
            + $"refused 60,000-entry proposal: {refusedTimes.Count} refused in p50 {Percentile(refusedTimes, 0.5):0.0} ms, {refusedHeld.Count} lock holds");

        // (b) Decisions one after another while imports of the largest proposal run back to back.
        using var stop = new CancellationTokenSource();
        var imports = 0;
        var importer = Task.Run(async () =>
        {
            var content = LargestProposal.Build("BACKGROUND-27", start);
            while (!stop.IsCancellationRequested)
            {
                await phases.Measure("import meanwhile", () => sender.Send(new ImportProposal(content with { Name = $"Round {imports}" }, DemoData.Coordinator, "bench")));
                imports++;
            }
        });
        var latencies = new List<double>();
        var decideBefore = Count(held);
        foreach (var approver in DemoData.NationalApprovers)
            foreach (var step in await sender.Send(new ListSteps(approver, Limit: 500)))
            {
                if (latencies.Count == decisions) break;
                var watch = Stopwatch.StartNew();
                await phases.Measure("decide", () => sender.Send(new DecideStep(step.Id, Decision.Approve, "Concur.", approver)));
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        stop.Cancel();
        await importer;
        Console.WriteLine($"decisions on {database.Provider} during {imports} back-to-back imports of the largest proposal: {latencies.Count} decisions, "
            + $"p50 {Percentile(latencies, 0.5):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies.Max():0.0} ms; "
            + $"longest lock hold meanwhile {Since(held, decideBefore).Max():0.0} ms");
        foreach (var line in phases.Report(database.Provider.ToString())) Console.WriteLine(line);
        Console.WriteLine($"  at the end: {LoadAverage()}");
    }

    /// <summary>What else the machine was doing: the figures above are only comparable at a similar load.</summary>
    private static string LoadAverage() => File.Exists("/proc/loadavg")
        ? "load average " + string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "load average unknown";

    private static int Count(List<double> held) { lock (held) return held.Count; }
    private static List<double> Since(List<double> held, int from) { lock (held) return held.Skip(from).ToList(); }

    private static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(q * (sorted.Count - 1)))];
    }
}
