using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Tests.Proposals;

/// <summary>
/// Issue 11, findings 3 and 6: one releasability rule (<see cref="Visibility.MaySeeContent"/>), and those who may
/// not see a thing get the answer of a thing that does not exist. The demo proposal is RESTRICTED, releasable
/// to JOR, TUR, PAK and IDN; MYS observes; USA takes no part.
/// </summary>
public sealed class ReleasabilityTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    private async Task ArrangeAsync(Func<ProposalContent, ProposalContent>? change = null)
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new AddUser("mys.approver", "MYS", ["national-approver"]));
        await Fixture.Send(new AddUser("usa.approver", "USA", ["national-approver"]));
        await Fixture.SubmitAsync(Approvals.FiveNations(change));
    }

    [Fact]
    public async Task A_participant_the_content_is_not_releasable_to_sees_the_header_and_its_own_steps_only()
    {
        await ArrangeAsync();
        var header = await Fixture.Send(new ShowProposal(Approvals.Code, Viewer: "mys.approver"));

        Assert.Equal((Approvals.Code, ProposalStatus.Submitted), (header.Code, header.Status));
        Assert.Null(header.Content);
        Assert.Equal("", header.Location);
        Assert.Empty(header.Participants);
        Assert.Empty(header.Documents);
        Assert.All(header.Steps, s => Assert.Equal("MYS", s.Nation));
        Assert.All(header.History, h => Assert.True(h.Record == $"Proposal {Approvals.Code}" || h.Record.Contains("/MYS/"), h.Record));
        Assert.All(header.Revisions, r => Assert.Empty(r.Changed));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new PlanWorkflow(Approvals.Code, "mys.approver")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Plan, Viewer: "mys.approver")));

        var releasable = await Fixture.Send(new ShowProposal(Approvals.Code, Viewer: "idn.approver"));
        Assert.NotNull(releasable.Content);
        Assert.Contains(releasable.Steps, s => s.Nation == "JOR");
    }

    [Fact]
    public async Task Unclassified_content_goes_to_every_participating_nation()
    {
        await ArrangeAsync(p => p with { Classification = Classification.Unclassified });
        Assert.NotNull((await Fixture.Send(new ShowProposal(Approvals.Code, Viewer: "mys.approver"))).Content);
        Assert.NotEmpty((await Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Plan, Viewer: "mys.approver"))).Content);
    }

    [Fact]
    public async Task Submit_and_withdraw_of_a_hidden_proposal_answer_as_for_no_proposal_without_naming_anyone()
    {
        await ArrangeAsync();
        var absent = await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new WithdrawProposal("NO-SUCH-27", "usa.approver")));
        var hidden = await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new WithdrawProposal(Approvals.Code, "usa.approver")));
        Assert.Equal(absent.Message.Replace("NO-SUCH-27", Approvals.Code), hidden.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new SubmitProposal(Approvals.Code, "usa.approver")));

        var seen = await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new WithdrawProposal(Approvals.Code, "jor.approver")));
        Assert.DoesNotContain("tur.coordinator", seen.Message);
    }

    [Fact]
    public async Task A_step_answers_as_a_missing_one_to_those_who_may_not_see_it()
    {
        await ArrangeAsync();
        var jordan = (await Fixture.OpenStepsAsync()).Single(s => s.Nation == "JOR");
        var absent = await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new DecideStep(99_999, Decision.Approve, "ok", "usa.approver")));

        foreach (var stranger in new[] { "usa.approver", "mys.approver" })
        {
            var decide = await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new DecideStep(jordan.Id, Decision.Approve, "ok", stranger)));
            Assert.Equal(absent.Message.Replace("99999", jordan.Id.ToString()), decide.Message);
            var delegation = await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new DelegateStep(jordan.Id, "jor.legal", stranger)));
            Assert.Equal(decide.Message, delegation.Message);
        }
        // Decided: still not found for them, not "already decided".
        await Fixture.DecideAsync(jordan);
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new DecideStep(jordan.Id, Decision.Approve, "ok", "mys.approver")));
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(new DecideStep(jordan.Id, Decision.Approve, "ok", "pak.approver")));
    }

    [Fact]
    public async Task Delegating_to_an_unknown_user_answers_as_to_an_ineligible_one()
    {
        await ArrangeAsync();
        var jordan = (await Fixture.OpenStepsAsync()).Single(s => s.Nation == "JOR");

        var unknown = await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DelegateStep(jordan.Id, "nobody", "jor.approver")));
        var otherNation = await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DelegateStep(jordan.Id, "pak.approver", "jor.approver")));
        var otherRole = await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DelegateStep(jordan.Id, "jor.legal", "jor.approver")));
        var coordinator = await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DelegateStep(jordan.Id, "tur.coordinator", "jor.approver")));

        Assert.Equal(unknown.Message.Replace("'nobody'", "'pak.approver'"), otherNation.Message);
        Assert.Equal(unknown.Message.Replace("'nobody'", "'jor.legal'"), otherRole.Message);
        Assert.Equal(unknown.Message.Replace("'nobody'", "'tur.coordinator'"), coordinator.Message);
    }
}
