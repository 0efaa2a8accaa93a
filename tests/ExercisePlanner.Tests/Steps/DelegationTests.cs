using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Tests.Steps;

/// <summary>Delegation as the decision form offers it: colleagues of the step's nation and role, by display name.</summary>
public sealed class DelegationTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task An_approver_hands_a_step_to_a_colleague_of_the_same_nation_and_role_who_then_sees_it()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new AddUser("jor.deputy", "JOR", ["national-approver"], "Deputy Director of Training") { DisplayName = "Col Faisal Nasser" });
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var jordan = (await Fixture.Send(new ListSteps("jor.approver"))).Single();

        var colleagues = await Fixture.Send(new ListDelegates(jordan.Id, "jor.approver"));

        Assert.Equal([("jor.deputy", "Col Faisal Nasser, Deputy Director of Training")], colleagues.Select(c => (c.Name, c.WithTitle)));
        await Fixture.Send(new DelegateStep(jordan.Id, "jor.deputy", "jor.approver"));
        Assert.Equal([jordan.Id], (await Fixture.Send(new ListSteps("jor.deputy"))).Select(s => s.Id));
        Assert.Empty(await Fixture.Send(new ListSteps("jor.approver")));
        Assert.Equal("jor.deputy", (await Fixture.Send(new ShowProposal(Approvals.Code))).Person("jor.deputy").Name);
    }

    [Fact]
    public async Task The_demo_staff_have_a_colleague_to_hand_the_turkish_step_to()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var turkiye = (await Fixture.Send(new ListSteps("tur.approver"))).Single();

        var colleagues = await Fixture.Send(new ListDelegates(turkiye.Id, "tur.approver"));

        Assert.Equal([("tur.deputy", "Col Deniz Aksoy, Deputy Head of Joint Training")], colleagues.Select(c => (c.Name, c.WithTitle)));
    }

    [Fact]
    public async Task A_coordinator_who_holds_the_approver_role_can_neither_decide_nor_delegate_their_own_proposals_steps()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new AddUser("tur.planner", "TUR", ["coordinator", "national-approver"]) { DisplayName = "Maj Ayse Celik" });
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(), "tur.planner"));
        await Fixture.Send(new SubmitProposal(Approvals.Code, "tur.planner"));
        var turkiye = (await Fixture.OpenStepsAsync()).Single(s => s.Nation == "TUR");

        Assert.Empty(await Fixture.Send(new ListSteps("tur.planner")));
        Assert.Empty(await Fixture.Send(new ListDelegates(turkiye.Id, "tur.planner")));
        Assert.DoesNotContain(await Fixture.Send(new ListDelegates(turkiye.Id, "tur.approver")), p => p.Name == "tur.planner");
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DecideStep(turkiye.Id, Decision.Approve, "mine", "tur.planner")));
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DelegateStep(turkiye.Id, "tur.approver", "tur.planner")));
        Assert.Equal($"tur.planner coordinates proposal {Approvals.Code} and may not decide or delegate its steps", refused.Message);
    }
}
