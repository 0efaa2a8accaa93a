using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ExercisePlanner.Core;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Audit;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ExercisePlanner.Testing;

namespace ExercisePlanner.Tests.Resilience;

/// <summary>
/// The web host is killed (SIGKILL) while a thousand decisions are being made over HTTP. After a
/// restart every decision that was answered 200 is stored, no step has two decisions, every workflow
/// instance agrees with its steps, and the audit chain verifies.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed class CrashSafetyTests
{
    private const int Proposals = 250; // four national steps each: 1,000 decisions
    private static readonly IReadOnlyList<string> Approvers = DemoData.NationalApprovers;

    [Fact]
    public async Task Decisions_acknowledged_before_a_kill_survive_it()
    {
        await using var web = new WebProcess();
        await SeedAsync(web.Database.Settings);
        await web.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var tokens = new Dictionary<string, string>();
        foreach (var approver in Approvers) tokens[approver] = await web.TokenAsync(http, approver, "Exercise-2027");
        var work = new List<(string Approver, int Step)>();
        foreach (var approver in Approvers)
        {
            var inbox = await SendAsync(http, HttpMethod.Get, "/api/v1/steps?limit=500", tokens[approver]);
            work.AddRange((await inbox.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(s => (approver, s.GetProperty("id").GetInt32())));
        }
        Assert.Equal(Proposals * Approvers.Count, work.Count);

        var acknowledged = new ConcurrentBag<int>();
        using var gate = new SemaphoreSlim(32);
        var killAfter = Random.Shared.Next(200, 600);
        var killed = 0;
        var attempts = work.OrderBy(_ => Random.Shared.Next()).Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                var response = await SendAsync(http, HttpMethod.Post, $"/api/v1/steps/{item.Step}/decision", tokens[item.Approver],
                    new { decision = "Approve", comment = "Concur." });
                if (response.StatusCode == HttpStatusCode.OK) acknowledged.Add(item.Step);
                if (acknowledged.Count >= killAfter && Interlocked.Exchange(ref killed, 1) == 0) await web.KillAsync();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException) { } // in flight at the kill
            finally { gate.Release(); }
        });
        await Task.WhenAll(attempts);
        Assert.Equal(1, killed);

        await web.StartAsync(); // the same database after the crash
        await using var services = PlannerServices.Build(web.Database.Settings);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
        var steps = await db.WorkflowSteps.AsNoTracking().ToListAsync();
        var decided = steps.Where(s => s.DecidedBy is not null).Select(s => s.Id).ToHashSet();

        Assert.All(acknowledged, id => Assert.Contains(id, decided));
        var decisionsPerStep = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "WorkflowStep" && e.Change == "Modified" && e.After!.Contains("\"DecidedBy\":\""))
            .GroupBy(e => e.EntityKey).Select(g => g.Count()).ToListAsync();
        Assert.All(decisionsPerStep, count => Assert.Equal(1, count));
        Assert.Equal(decided.Count, decisionsPerStep.Count);

        foreach (var instance in await db.WorkflowInstances.AsNoTracking().Include(i => i.Steps).ToListAsync())
            AssertConsistent(instance);
        (await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new VerifyAudit())).AssertIntact();
    }

    /// <summary>A running instance has open steps only in its last stage, everything before it approved; a finished one has none open.</summary>
    private static void AssertConsistent(WorkflowInstance instance)
    {
        var open = instance.Steps.Where(s => s.Status == StepStatus.Open).ToList();
        if (instance.Status != InstanceStatus.Running)
        {
            Assert.Empty(open);
            return;
        }
        Assert.NotEmpty(open);
        var current = instance.Steps.Max(s => s.StageIndex);
        Assert.All(open, s => Assert.Equal(current, s.StageIndex));
        Assert.All(instance.Steps.Where(s => s.StageIndex < current), s => Assert.Contains(s.Status, new[] { StepStatus.Approved, StepStatus.Cancelled }));
        Assert.Equal(instance.CurrentStageId, open[0].StageId);
    }

    private static async Task SeedAsync(DatabaseSettings database)
    {
        await using var services = PlannerServices.Build(database);
        await services.InitializePlannerAsync();
        await services.GetRequiredService<DemoScenario>().SeedInFlightAsync(Proposals);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }
}
