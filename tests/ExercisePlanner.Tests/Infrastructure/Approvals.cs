using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>Drives approval workflows with the demo's five-nation staff.</summary>
public static class Approvals
{
    public const string Code = "NORTHERN-BRIDGE-27";

    public static async Task AddDemoStaffAsync(this PlannerFixture fixture)
    {
        foreach (var user in DemoData.Users) await fixture.Send(user);
    }

    /// <summary>The demo's five-nation proposal (JOR host, TUR lead, PAK and IDN participants, MYS observer), dated for the test clock.</summary>
    public static ProposalContent FiveNations(Func<ProposalContent, ProposalContent>? change = null)
    {
        var content = DemoData.Proposal(DateOnly.FromDateTime(PlannerFixture.Today.UtcDateTime)) with { Code = Code };
        return change is null ? content : change(content);
    }

    public static async Task<ProposalSummary> SubmitAsync(this PlannerFixture fixture, ProposalContent content)
    {
        await fixture.Send(new ImportProposal(content, DemoData.Coordinator));
        return await fixture.Send(new SubmitProposal(content.Code, DemoData.Coordinator));
    }

    public static async Task<IReadOnlyList<StepView>> OpenStepsAsync(this PlannerFixture fixture, string code = Code) =>
        (await fixture.Send(new ShowProposal(code))).Steps.Where(s => s.Status == StepStatus.Open).ToList();

    /// <summary>The demo user who holds a step's nation and role.</summary>
    public static string HolderOf(StepView step) =>
        DemoData.Users.First(u => u.Nation == step.Nation && u.Roles.Contains(step.Role)).Name;

    public static Task<StepDecided> DecideAsync(this PlannerFixture fixture, StepView step, Decision decision = Decision.Approve, string? by = null) =>
        fixture.Send(new DecideStep(step.Id, decision, $"{decision} by {by ?? HolderOf(step)}", by ?? HolderOf(step)));

    /// <summary>Approves every open step of the current stage; returns the stage's id.</summary>
    public static async Task<string> ApproveStageAsync(this PlannerFixture fixture, string code = Code)
    {
        var open = await fixture.OpenStepsAsync(code);
        Assert.NotEmpty(open);
        foreach (var step in open) await fixture.DecideAsync(step);
        return open[0].Stage;
    }
}
