using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ExercisePlanner.Core;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Audit;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Benchmarks;

/// <summary>
/// Issue 6 (b) and (e): decisions per second over HTTP on loopback against the real web host (its own
/// process, Release build), with 1, 8 and 32 concurrent clients, spread over one or more nodes that share
/// the database; and each host's peak resident memory afterwards.
/// </summary>
public static class HttpLoad
{
    public static async Task PrintAsync(DatabaseSettings database, int nodes, int[] clients, int decisionsPerRun)
    {
        var warmUp = 200;
        var work = await SeedAsync(database, (warmUp + clients.Length * decisionsPerRun + 3) / 4);

        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // the demo accounts, on the staff seeded above
            ["Logging__LogLevel__Default"] = "Warning",
            ["Timers__SweepSeconds"] = "3600",
        };
        foreach (var (key, value) in database.Environment()) environment[key] = value;
        var hosts = new List<WebHostProcess>();
        try
        {
            // One after another, as in a rolling start: the first seeds the sign-in accounts.
            for (var i = 0; i < nodes; i++)
            {
                var host = new WebHostProcess(AppContext.BaseDirectory, environment);
                hosts.Add(host);
                await host.StartAsync();
            }
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(60) };
            var tokens = new Dictionary<string, string>();
            foreach (var approver in DemoData.NationalApprovers) tokens[approver] = await hosts[0].TokenAsync(http, approver, "Exercise-2027");

            var queue = new Queue<(string Approver, int Step)>(work);
            await RunAsync(http, hosts, tokens, Take(queue, warmUp), 8); // JIT, connection pools, SQLite page cache
            Console.WriteLine($"HTTP decisions on {database.Provider}, {nodes} node(s), {decisionsPerRun} decisions per run:");
            foreach (var concurrency in clients)
            {
                var run = await RunAsync(http, hosts, tokens, Take(queue, decisionsPerRun), concurrency);
                Console.WriteLine($"  {concurrency,2} clients: {run.PerSecond,6:0} decisions/s, latency p50 {run.P50:0.0} ms, p99 {run.P99:0.0} ms, failures {run.Failures}");
            }
            foreach (var (host, i) in hosts.Select((h, i) => (h, i)))
                Console.WriteLine($"  node {i + 1} peak memory (VmHWM): {host.PeakMemoryBytes / 1024.0 / 1024.0:0} MiB");
            await CheckAsync(database, work.Count - queue.Count);
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    private sealed record Run(double PerSecond, double P50, double P99, int Failures);

    private static async Task<Run> RunAsync(HttpClient http, List<WebHostProcess> hosts, Dictionary<string, string> tokens,
        List<(string Approver, int Step)> work, int concurrency)
    {
        var pending = new ConcurrentQueue<(string Approver, int Step)>(work);
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (pending.TryDequeue(out var item))
            {
                var host = hosts[Interlocked.Increment(ref next) % hosts.Count];
                var request = new HttpRequestMessage(HttpMethod.Post, $"{host.BaseUrl}/api/v1/steps/{item.Step}/decision")
                {
                    Content = JsonContent.Create(new { decision = "Approve", comment = "Concur." }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[item.Approver]);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failures);
            }
        }));
        var sorted = latencies.Order().ToList();
        return new Run(work.Count / watch.Elapsed.TotalSeconds, sorted[sorted.Count / 2], sorted[(int)(sorted.Count * 0.99)], failures);
    }

    /// <summary>After the runs, whatever the nodes: every decision stored once, and the audit chain intact.</summary>
    private static async Task CheckAsync(DatabaseSettings database, int sent)
    {
        await using var services = PlannerServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
        var decided = await db.WorkflowSteps.CountAsync(s => s.DecidedBy != null);
        var audit = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new VerifyAudit());
        Console.WriteLine($"  check: {sent} decisions sent, {decided} steps decided; audit chain of {audit.Entries} entries {(audit.Intact ? "intact" : "BROKEN")}");
    }

    /// <summary>Proposals in national review, and every open national step with the approver who may decide it, in random order.</summary>
    private static async Task<List<(string Approver, int Step)>> SeedAsync(DatabaseSettings database, int proposals)
    {
        await using var services = PlannerServices.Build(database);
        await services.InitializePlannerAsync();
        await services.GetRequiredService<DemoScenario>().SeedInFlightAsync(proposals);
        var sender = services.GetRequiredService<IsolatedSender>();
        var work = new List<(string, int)>();
        foreach (var approver in DemoData.NationalApprovers)
            work.AddRange((await sender.Send(new ListSteps(approver))).Select(s => (approver, s.Id)));
        return [.. work.OrderBy(_ => Random.Shared.Next())];
    }

    private static List<T> Take<T>(Queue<T> queue, int count) =>
        [.. Enumerable.Range(0, Math.Min(count, queue.Count)).Select(_ => queue.Dequeue())];
}
