using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Workflows;

public sealed class TimerTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Reminders_and_escalations_fire_once_each_as_the_clock_passes_them()
    {
        await Fixture.AddDemoStaffAsync(); // with each nation's chief of staff
        await Fixture.SubmitAsync(Approvals.FiveNations());
        await Fixture.DecideAsync((await Fixture.OpenStepsAsync()).Single(s => s.Nation == "TUR"));

        Fixture.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal((0, 0), Counts(await Fixture.Send(new RunTimers())));

        Fixture.Clock.Advance(TimeSpan.FromDays(1)); // day 7: remindAfter P7D
        Assert.Equal((3, 0), Counts(await Fixture.Send(new RunTimers())));
        Assert.Equal((0, 0), Counts(await Fixture.Send(new RunTimers())));
        Assert.Empty(await Fixture.Send(new ListSteps("jor.chief")));

        Fixture.Clock.Advance(TimeSpan.FromDays(7)); // day 14: due P14D, escalates to chief-of-staff
        var escalated = await Fixture.Send(new RunTimers());
        Assert.Equal((0, 3), Counts(escalated));
        Assert.Equal((0, 0), Counts(await Fixture.Send(new RunTimers())));

        var notifications = await Fixture.WithDb(db => db.Notifications.OrderBy(n => n.Id).ToListAsync());
        Assert.Equal(["jor.approver", "pak.approver", "idn.approver"], notifications.Where(n => n.Kind == NotificationKind.Reminder).Select(n => n.Recipient));
        // An escalation tells the step's holder and the chief of staff who may now decide it too.
        Assert.Equal(["idn.approver", "idn.chief", "jor.approver", "jor.chief", "pak.approver", "pak.chief"],
            notifications.Where(n => n.Kind == NotificationKind.Escalation).Select(n => n.Recipient).Order());

        var jordan = Assert.Single(await Fixture.Send(new ListSteps("jor.chief")));
        Assert.Equal("chief-of-staff", jordan.EscalatedTo);
        var decided = await Fixture.DecideAsync(jordan, by: "jor.chief");
        Assert.Equal(StepStatus.Approved, decided.Step.Status);
    }

    [Fact]
    public async Task Timers_of_decided_steps_never_fire()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        foreach (var step in await Fixture.OpenStepsAsync()) await Fixture.DecideAsync(step);

        Fixture.Clock.Advance(TimeSpan.FromDays(4.9));
        var run = await Fixture.Send(new RunTimers());

        // The national stage's timers (due on days 7 and 14) were cancelled with its decisions;
        // the host stage that opened next reminds on day 5.
        Assert.Equal((0, 0), Counts(run));
        Assert.Equal(0, await Fixture.WithDb(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.Reminder || n.Kind == NotificationKind.Escalation)));
        Assert.Equal(8, await Fixture.WithDb(db => db.WorkflowTimers.CountAsync(t => t.CancelledAt != null)));
    }

    [Fact]
    public async Task A_timer_run_can_be_told_what_time_it_is()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());

        var run = await Fixture.Send(new RunTimers(PlannerFixture.Today.AddDays(30)));

        Assert.Equal((4, 4), Counts(run));
        Assert.All(await Fixture.OpenStepsAsync(), s => Assert.Equal("chief-of-staff", s.EscalatedTo));
    }

    [Fact]
    public async Task Two_nodes_sweeping_at_once_fire_each_timer_once()
    {
        await Fixture.AddDemoStaffAsync();
        for (var i = 0; i < 10; i++) await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Code = $"TWIN-{i}" }));
        var timers = await Fixture.WithDb(db => db.WorkflowTimers.CountAsync()); // a reminder and an escalation per open step
        await using var secondNode = await Fixture.RestartAsync();
        var nodes = new[] { Fixture.Sender, secondNode.GetRequiredService<Core.Common.IsolatedSender>() };

        // Both nodes sweep over and over while the clock passes every reminder and escalation.
        var late = PlannerFixture.Today.AddDays(30);
        var runs = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => nodes[i % 2].Send(new RunTimers(late)))));

        Assert.Equal(timers, runs.Sum(r => r.Reminders + r.Escalations));
        // Each step's holders in the demo staff are told once per timer: one holder each, Türkiye's two national approvers;
        // an escalation also tells the nation's chief of staff.
        var turkish = await Fixture.WithDb(db => db.WorkflowTimers.CountAsync(t => db.WorkflowSteps.Any(s => s.Id == t.StepId && s.Nation == "TUR")));
        Assert.Equal(timers + turkish + runs.Sum(r => r.Escalations), await Fixture.WithDb(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.Reminder || n.Kind == NotificationKind.Escalation)));
        Assert.Equal(timers, await Fixture.WithDb(db => db.WorkflowTimers.CountAsync(t => t.FiredAt != null)));
        (await Fixture.Send(new Core.Features.Audit.VerifyAudit())).AssertIntact();
    }

    private static (int Reminders, int Escalations) Counts(TimersRun run) => (run.Reminders, run.Escalations);
}

public sealed class TimerSweepTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_background_sweep_fires_due_timers_while_the_host_runs()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        Fixture.Clock.Advance(TimeSpan.FromDays(8));
        var sweep = new TimerSweep(Fixture.Sender, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<TimerSweep>.Instance)
        {
            Period = TimeSpan.FromMilliseconds(50),
        };

        await sweep.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int reminders;
        const int holders = 5; // the four national approvers and Türkiye's second one
        while ((reminders = await Fixture.WithDb(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.Reminder))) < holders && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        await Task.Delay(200); // several more sweeps
        await sweep.StopAsync(CancellationToken.None);

        Assert.Equal(holders, await Fixture.WithDb(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.Reminder)));
        Assert.Equal(0, await Fixture.WithDb(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.Escalation)));
    }
}
