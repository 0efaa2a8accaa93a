using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Tests.Workflows;

public sealed class ApprovalWorkflowTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Five_nations_take_a_restricted_proposal_through_every_stage_to_approval()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());

        var national = await Fixture.OpenStepsAsync();
        Assert.Equal(["JOR", "TUR", "PAK", "IDN"], national.Select(s => s.Nation)); // the observer has no say
        Assert.All(national, s => Assert.Equal(("national-review", "national-approver"), (s.Stage, s.Role)));
        Assert.All(national, s => Assert.Equal(PlannerFixture.Today.AddDays(14), s.Due));

        var stages = new List<string>();
        while ((await Fixture.Send(new ShowProposal(Approvals.Code))).Status == ProposalStatus.Submitted)
            stages.Add(await Fixture.ApproveStageAsync());

        Assert.Equal(["national-review", "host-nation-review", "security-review", "final-sign-off"], stages);
        var shown = await Fixture.Send(new ShowProposal(Approvals.Code));
        Assert.Equal(ProposalStatus.Approved, shown.Status);
        Assert.Equal(InstanceStatus.Approved, shown.Workflow!.Status);
        Assert.Equal(8, shown.Steps.Count);
        Assert.All(shown.Steps, s => Assert.Equal((StepStatus.Approved, Decision.Approve), (s.Status, s.Decision!.Value)));
        Assert.All(shown.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Comment)));
        // The coordinator, every decider but the last (who knows) and Türkiye's other national approver (who held its
        // step too) hear of the approval, once each.
        var notified = await Fixture.WithDb(db => db.Notifications.Where(n => n.Kind == NotificationKind.Approved).Select(n => n.Recipient).ToListAsync());
        var expected = shown.Steps.Select(s => s.DecidedBy!).Append(DemoData.Coordinator).Append("tur.deputy").Where(n => n != "tur.director").Distinct();
        Assert.Equal(expected.Order(), notified.Order());
        Assert.Contains(shown.History, h => h.Action == "DecideStep" && h.Actor == "tur.director");
    }

    [Theory]
    [InlineData(Classification.Unclassified, new[] { "national-review", "host-nation-review", "final-sign-off" })]
    [InlineData(Classification.Restricted, new[] { "national-review", "host-nation-review", "security-review", "final-sign-off" })]
    [InlineData(Classification.Secret, new[] { "national-review", "host-nation-review", "security-review", "final-sign-off" })]
    public async Task The_security_review_runs_only_above_unclassified(Classification classification, string[] expectedStages)
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Classification = classification }));

        var plan = await Fixture.Send(new PlanWorkflow(Approvals.Code));
        Assert.Equal(expectedStages, plan.Stages.Where(s => s.Applies).Select(s => s.Id));

        var stages = new List<string>();
        while ((await Fixture.Send(new ShowProposal(Approvals.Code))).Status == ProposalStatus.Submitted)
            stages.Add(await Fixture.ApproveStageAsync());
        Assert.Equal(expectedStages, stages);
    }

    [Fact]
    public async Task Hadr_fast_track_needs_any_two_nations_and_cancels_the_other_national_steps()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Type = ExerciseType.HADR }));
        var national = await Fixture.OpenStepsAsync();
        Assert.Equal(4, national.Count);
        Assert.Equal(PlannerFixture.Today.AddDays(3), national[0].Due);

        await Fixture.DecideAsync(national[2]);
        Assert.Equal(4 - 1, (await Fixture.OpenStepsAsync()).Count);
        var second = await Fixture.DecideAsync(national[0]);

        var shown = await Fixture.Send(new ShowProposal(Approvals.Code));
        Assert.Equal("hadr-fast-track", shown.Workflow!.Id);
        Assert.Equal([StepStatus.Approved, StepStatus.Cancelled, StepStatus.Approved, StepStatus.Cancelled],
            shown.Steps.Where(s => s.Stage == "national-review").Select(s => s.Status));
        var final = Assert.Single(second.Opened);
        Assert.Equal(("final-sign-off", "TUR", "exercise-director"), (final.Stage, final.Nation, final.Role));
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.DecideAsync(national[1]));
    }

    [Fact]
    public async Task Changes_requested_go_back_to_the_coordinator_and_resubmission_starts_afresh()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var first = await Fixture.OpenStepsAsync();
        await Fixture.DecideAsync(first[0]); // Jordan approves revision 1
        await Fixture.DecideAsync(first[1]);
        await Fixture.DecideAsync(first[3]);
        var requested = await Fixture.DecideAsync(first[2], Decision.RequestChanges);

        Assert.Equal(ProposalStatus.ChangesRequested, requested.ProposalStatus);
        Assert.Empty(await Fixture.OpenStepsAsync());
        Assert.Empty(await Fixture.Send(new ListSteps("jor.approver")));

        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Location = "King Abdullah II Training Centre" }));
        var shown = await Fixture.Send(new ShowProposal(Approvals.Code));
        Assert.Equal(2, shown.Revision);
        Assert.Equal(2, shown.Workflow!.Revision);
        Assert.Equal(4, shown.Steps.Count);
        Assert.All(shown.Steps, s => Assert.Equal((StepStatus.Open, 2), (s.Status, s.Revision)));
        Assert.Equal("King Abdullah II Training Centre", shown.Location);
        Assert.Equal(["location"], shown.Revisions[1].Changed);
        Assert.Equal("Joint Staff College, Amman", (await Fixture.Send(new ShowProposal(Approvals.Code, Revision: 1))).Location);
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new ShowProposal(Approvals.Code, Revision: 3)));
        var instances = await Fixture.WithDb(db => db.WorkflowInstances.OrderBy(i => i.Id).Select(i => i.Status).ToListAsync());
        Assert.Equal([InstanceStatus.ChangesRequested, InstanceStatus.Running], instances);
    }

    [Fact]
    public async Task A_rejection_ends_the_workflow_and_cancels_every_other_step()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var steps = await Fixture.OpenStepsAsync();

        var rejected = await Fixture.DecideAsync(steps[1], Decision.Reject);

        Assert.Equal(ProposalStatus.Rejected, rejected.ProposalStatus);
        var shown = await Fixture.Send(new ShowProposal(Approvals.Code));
        Assert.Equal([StepStatus.Cancelled, StepStatus.Rejected, StepStatus.Cancelled, StepStatus.Cancelled], shown.Steps.Select(s => s.Status));
        Assert.Equal(0, await Fixture.WithDb(db => db.WorkflowTimers.CountAsync(t => t.CancelledAt == null && t.FiredAt == null)));
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.DecideAsync(steps[0]));
    }

    [Fact]
    public async Task Withdrawal_cancels_open_steps()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        await Fixture.DecideAsync((await Fixture.OpenStepsAsync())[0]);

        await Fixture.Send(new WithdrawProposal(Approvals.Code, "tur.coordinator"));

        var shown = await Fixture.Send(new ShowProposal(Approvals.Code));
        Assert.Equal((ProposalStatus.Withdrawn, InstanceStatus.Withdrawn), (shown.Status, shown.Workflow!.Status));
        Assert.Equal([StepStatus.Approved, StepStatus.Cancelled, StepStatus.Cancelled, StepStatus.Cancelled], shown.Steps.Select(s => s.Status));
        Assert.Empty(await Fixture.Send(new ListSteps("pak.approver")));
    }

    [Fact]
    public async Task A_step_is_decided_only_by_its_nation_and_role_and_never_by_the_coordinator()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new Core.Features.Users.AddUser("tur.planner", "TUR", ["coordinator", "national-approver"]));
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(), "tur.planner"));
        await Fixture.Send(new SubmitProposal(Approvals.Code, "tur.planner"));
        var steps = await Fixture.OpenStepsAsync();
        var jordan = steps.Single(s => s.Nation == "JOR");
        var turkey = steps.Single(s => s.Nation == "TUR");
        var before = await Fixture.FingerprintAsync();

        var wrongNation = await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.DecideAsync(jordan, by: "pak.approver"));
        Assert.Contains("is for JOR", wrongNation.Message);
        var wrongRole = await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.DecideAsync(jordan, by: "jor.legal"));
        Assert.Contains("needs the role national-approver", wrongRole.Message);
        var own = await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.DecideAsync(turkey, by: "tur.planner"));
        Assert.Contains("may not decide its steps", own.Message);
        await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new DecideStep(jordan.Id, Decision.Approve, "  ", "jor.approver")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new DecideStep(9999, Decision.Approve, "ok", "jor.approver")));

        Assert.Equal(before, await Fixture.FingerprintAsync());
        Assert.Empty(await Fixture.Send(new ListSteps("tur.planner")));
        Assert.Equal([jordan.Id], (await Fixture.Send(new ListSteps("jor.approver"))).Select(s => s.Id));
    }

    [Fact]
    public async Task Delegation_hands_a_step_to_a_colleague_of_the_same_nation_and_role()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new Core.Features.Users.AddUser("jor.deputy", "JOR", ["national-approver"]));
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var jordan = (await Fixture.OpenStepsAsync()).Single(s => s.Nation == "JOR");

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DelegateStep(jordan.Id, "pak.approver", "jor.approver")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DelegateStep(jordan.Id, "jor.legal", "jor.approver")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DelegateStep(jordan.Id, "jor.deputy", "pak.approver")));
        var delegated = await Fixture.Send(new DelegateStep(jordan.Id, "jor.deputy", "jor.approver"));

        Assert.Equal("jor.deputy", delegated.Assignee);
        Assert.Empty(await Fixture.Send(new ListSteps("jor.approver")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.DecideAsync(jordan, by: "jor.approver"));
        var decided = await Fixture.DecideAsync(jordan, by: "jor.deputy");
        Assert.Equal(("jor.deputy", StepStatus.Approved), (decided.Step.DecidedBy, decided.Step.Status));
    }

    [Fact]
    public async Task Two_concurrent_decisions_on_one_step_store_exactly_one()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new Core.Features.Users.AddUser("jor.deputy", "JOR", ["national-approver"]));
        await Fixture.Send(new Core.Features.Users.AddUser("pak.deputy", "PAK", ["national-approver"]));
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var steps = (await Fixture.OpenStepsAsync()).Where(s => s.Nation is "JOR" or "PAK").ToList();

        foreach (var step in steps)
        {
            var deciders = new[] { (step.Nation.ToLowerInvariant() + ".approver", Decision.Approve), (step.Nation.ToLowerInvariant() + ".deputy", Decision.RequestChanges) };
            using var start = new Barrier(deciders.Length);
            var attempts = deciders.Select(d => Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    await Fixture.Send(new DecideStep(step.Id, d.Item2, "concurrent", d.Item1));
                    return "won";
                }
                catch (ConflictException) { return "conflict"; }
            })).ToArray();
            var results = await Task.WhenAll(attempts);

            Assert.Equal(["conflict", "won"], results.Order());
            var stored = await Fixture.WithDb(db => db.WorkflowSteps.SingleAsync(s => s.Id == step.Id));
            Assert.NotNull(stored.DecidedBy);
            var decisions = await Fixture.WithDb(db => db.AuditEntries.CountAsync(e => e.Action == "DecideStep" && e.EntityType == "WorkflowStep"
                && e.EntityKey.EndsWith("/" + step.Nation + "/national-approver") && e.Change == "Modified" && e.After!.Contains("\"DecidedBy\"")));
            Assert.Equal(1, decisions);
            if (stored.Status == StepStatus.ChangesRequested) break; // the workflow ended; later steps are cancelled
        }
    }

    [Fact]
    public async Task A_failure_in_the_decision_transaction_leaves_nothing_behind()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Classification = Classification.Unclassified }));
        await Fixture.ApproveStageAsync();
        await Fixture.ApproveStageAsync();
        var final = Assert.Single(await Fixture.OpenStepsAsync());
        var before = await Fixture.FingerprintAsync();

        await using (await Fixture.Database.FailProposalUpdatesToAsync("Approved"))
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => Fixture.DecideAsync(final));

            Assert.Equal(before, await Fixture.FingerprintAsync());
            Assert.Equal(StepStatus.Open, Assert.Single(await Fixture.OpenStepsAsync()).Status);
        }
        Assert.Equal(ProposalStatus.Approved, (await Fixture.DecideAsync(final)).ProposalStatus);
    }
}
