using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Tests.Workflows;

/// <summary>The default workflows collect requests for changes: every nation of the stage has its say before the proposal returns.</summary>
public sealed class RequestChangesTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Two_nations_request_changes_in_one_round_and_both_requests_reach_the_coordinator()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var national = await Fixture.OpenStepsAsync(); // JOR, TUR, PAK, IDN

        var jordan = await Fixture.Send(new DecideStep(national[0].Id, Decision.RequestChanges, "Raise Jordan's personnel to 80.", "jor.approver"));
        Assert.Equal(ProposalStatus.Submitted, jordan.ProposalStatus);
        Assert.Equal(3, (await Fixture.OpenStepsAsync()).Count); // the others may still decide
        Assert.Single(await Fixture.Send(new ListSteps("pak.approver")));
        await Fixture.DecideAsync(national[1]);
        await Fixture.Send(new DecideStep(national[2].Id, Decision.RequestChanges, "Pakistan needs the MPC in Islamabad.", "pak.approver"));
        Assert.Equal(ProposalStatus.Submitted, (await Fixture.Send(new ShowProposal(Approvals.Code))).Status);

        var last = await Fixture.DecideAsync(national[3]);

        Assert.Equal(ProposalStatus.ChangesRequested, last.ProposalStatus);
        Assert.Empty(last.Opened); // the next stage does not open
        var seen = await Fixture.Send(new ShowProposal(Approvals.Code, Viewer: "tur.coordinator"));
        var round = Assert.Single(seen.Rounds);
        Assert.Equal(InstanceStatus.ChangesRequested, round.Status);
        Assert.Equal(["Raise Jordan's personnel to 80.", "Pakistan needs the MPC in Islamabad."],
            round.Steps.Where(s => s.Status == StepStatus.ChangesRequested).Select(s => s.Comment));
        Assert.Equal(2, round.Steps.Count(s => s.Status == StepStatus.Approved));

        // The requests survive the resubmission: revision 2 runs a new round, revision 1's stays readable.
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Location = "Amman" }));
        var after = await Fixture.Send(new ShowProposal(Approvals.Code));
        Assert.Equal([1, 2], after.Rounds.Select(r => r.Revision));
        Assert.Equal(2, after.Rounds[0].Steps.Count(s => s.Status == StepStatus.ChangesRequested));
        Assert.All(after.Steps, s => Assert.Equal((StepStatus.Open, 2), (s.Status, s.Revision)));
    }

    [Fact]
    public async Task A_rejection_ends_a_collecting_stage_at_once_even_after_a_request_for_changes()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var national = await Fixture.OpenStepsAsync();
        await Fixture.DecideAsync(national[0], Decision.RequestChanges);

        var rejected = await Fixture.DecideAsync(national[1], Decision.Reject);

        Assert.Equal(ProposalStatus.Rejected, rejected.ProposalStatus);
        Assert.Empty(await Fixture.OpenStepsAsync());
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.DecideAsync(national[2]));
    }

    [Fact]
    public async Task The_dry_run_says_what_a_request_for_changes_does()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(), "tur.coordinator"));

        var plan = await Fixture.Send(new PlanWorkflow(Approvals.Code));

        Assert.Equal(("exercise-approval", 2, "collect"), (plan.Workflow, plan.Version, plan.OnRequestChanges));
        Assert.Contains("collected", plan.WhenChangesRequested);
    }
}

/// <summary>A definition that returns at once keeps the old behaviour: the first request ends the round, cancelling the others.</summary>
public sealed class ReturnAtOnceTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workflows-").FullName;
    private PlannerFixture _fixture = null!;

    public async Task InitializeAsync()
    {
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "exercise-approval.json"));
        File.WriteAllText(Path.Combine(_folder, "exercise-approval.json"), shipped.Replace("\"collect\"", "\"return-at-once\""));
        _fixture = new PlannerFixture { Workflows = _folder };
        await _fixture.InitializeAsync();
        await _fixture.AddDemoStaffAsync();
    }

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_first_request_for_changes_returns_the_proposal_and_cancels_the_other_steps()
    {
        await _fixture.SubmitAsync(Approvals.FiveNations());
        var national = await _fixture.OpenStepsAsync();
        await _fixture.DecideAsync(national[0]);

        var requested = await _fixture.DecideAsync(national[2], Decision.RequestChanges);

        Assert.Equal(ProposalStatus.ChangesRequested, requested.ProposalStatus);
        var shown = await _fixture.Send(new ShowProposal(Approvals.Code));
        Assert.Equal([StepStatus.Approved, StepStatus.Cancelled, StepStatus.ChangesRequested, StepStatus.Cancelled], shown.Steps.Select(s => s.Status));
        await Assert.ThrowsAsync<ConflictException>(() => _fixture.DecideAsync(national[3], Decision.RequestChanges));
        Assert.Equal("return-at-once", (await _fixture.Send(new PlanWorkflow(Approvals.Code))).OnRequestChanges);
    }
}
