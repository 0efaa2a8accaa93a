using ExercisePlanner.Core;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Documents;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Documents;

/// <summary>
/// Issue 11, finding 1: rendering a large proposal's documents took over a second, and the final approval did it
/// while holding the writer lock. The documents are now rendered after the approval commits, before the lock is taken
/// to store them; an approval stands if they fail, and the sweep stores them later.
/// </summary>
public sealed class DocumentsAfterApprovalTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    /// <summary>The PDF renderer, asking at each rendering whether another writer could take the lock now, and failing while told to.</summary>
    private sealed class WatchedRenderer : IDocumentRenderer
    {
        private readonly PdfDocumentRenderer _pdf = new();
        public IServiceProvider Services { get; set; } = null!;
        /// <summary>The proposals whose documents fail to render.</summary>
        public HashSet<string> Failing { get; } = [];
        public List<bool> LockFreeWhileRendering { get; } = [];

        public byte[] Render(DocumentKind kind, DocumentModel model)
        {
            if (Failing.Contains(model.Code)) throw new InvalidOperationException("the renderer failed");
            LockFreeWhileRendering.Add(Task.Run(LockIsFreeAsync).GetAwaiter().GetResult());
            return _pdf.Render(kind, model);
        }

        private async Task<bool> LockIsFreeAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await using var write = await scope.ServiceProvider.GetRequiredService<PlannerDbContext>().BeginWriteAsync(patience.Token);
                return true;
            }
            catch (OperationCanceledException) { return false; }
        }
    }

    private const string Second = "SOUTHERN-GATE-27";

    private async Task<(ServiceProvider Services, IsolatedSender Sender, WatchedRenderer Renderer)> StartAsync()
    {
        var renderer = new WatchedRenderer();
        var collection = new ServiceCollection().AddSingleton<TimeProvider>(Fixture.Clock).AddExercisePlanner(Fixture.Database.Settings);
        var services = collection.AddSingleton<IDocumentRenderer>(renderer).BuildServiceProvider(validateScopes: true);
        renderer.Services = services;
        await services.InitializePlannerAsync();
        var sender = services.GetRequiredService<IsolatedSender>();
        foreach (var user in DemoData.Users) await sender.Send(user);
        foreach (var code in new[] { Approvals.Code, Second })
        {
            await sender.Send(new ImportProposal(Approvals.FiveNations() with { Code = code }, DemoData.Coordinator));
            await sender.Send(new SubmitProposal(code, DemoData.Coordinator));
        }
        return (services, sender, renderer);
    }

    private static async Task<ProposalStatus> ApproveEveryStepAsync(IsolatedSender sender, string code = Approvals.Code)
    {
        while ((await sender.Send(new ShowProposal(code))).Steps.Where(s => s.Status == StepStatus.Open).ToList() is { Count: > 0 } open)
            foreach (var step in open)
                await sender.Send(new DecideStep(step.Id, Decision.Approve, "Concur.", Approvals.HolderOf(step)));
        return (await sender.Send(new ShowProposal(code))).Status;
    }

    [Fact]
    public async Task The_final_approval_renders_its_documents_while_no_writer_holds_the_lock()
    {
        var (services, sender, renderer) = await StartAsync();
        await using var _ = services;

        Assert.Equal(ProposalStatus.Approved, await ApproveEveryStepAsync(sender));

        var stored = await sender.Send(new ListDocuments(Approvals.Code));
        Assert.Equal([DocumentKind.Plan, DocumentKind.Memorandum, DocumentKind.Record], stored.Select(d => d.Kind));
        // Each rendering (the record renders the plan and memorandum again, for their hashes) found the lock free.
        Assert.True(renderer.LockFreeWhileRendering.Count >= 3);
        Assert.All(renderer.LockFreeWhileRendering, Assert.True);
        // The record still shows the final decision, made before it was rendered.
        Assert.Contains("Final sign-off", string.Join(" ", Pdf.PageTexts(stored[2].Content)));
    }

    [Fact]
    public async Task An_approval_stands_when_its_documents_fail_and_the_sweep_stores_them_once_past_one_that_keeps_failing()
    {
        var (services, sender, renderer) = await StartAsync();
        await using var _ = services;
        renderer.Failing.UnionWith([Approvals.Code, Second]);

        Assert.Equal(ProposalStatus.Approved, await ApproveEveryStepAsync(sender, Approvals.Code));
        Assert.Equal(ProposalStatus.Approved, await ApproveEveryStepAsync(sender, Second));
        Assert.Empty(await sender.Send(new ListDocuments(Approvals.Code)));

        // The first keeps failing: the sweep stores the second all the same, and says so.
        renderer.Failing.Remove(Second);
        Assert.Equal(1, await sender.Send(new CatchUpDocuments()));
        Assert.Empty(await sender.Send(new ListDocuments(Approvals.Code)));
        Assert.Equal(3, (await sender.Send(new ListDocuments(Second))).Count);

        renderer.Failing.Clear();
        Assert.Equal(1, await sender.Send(new CatchUpDocuments()));
        Assert.Equal(0, await sender.Send(new CatchUpDocuments()));
        Assert.False(await sender.Send(new StoreDocuments(Approvals.Code, 1)));

        var stored = await sender.Send(new ListDocuments(Approvals.Code));
        Assert.Equal([(DocumentKind.Plan, 1, 1), (DocumentKind.Memorandum, 1, 1), (DocumentKind.Record, 1, 1)], stored.Select(d => (d.Kind, d.Version, d.Revision)));
        Assert.Equal(1, await Fixture.WithDb(db => db.Notifications.CountAsync(n => n.Kind == Core.Features.Notifications.NotificationKind.DocumentsReady
            && n.Recipient == DemoData.Coordinator && n.ProposalCode == Approvals.Code)));
        (await sender.Send(new Core.Features.Audit.VerifyAudit())).AssertIntact();
    }
}
