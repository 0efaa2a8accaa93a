using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Tests.Steps;

/// <summary>No silent dead ends: steps nobody could decide are named before submission, refused at it, and listed for administrators to reassign.</summary>
public sealed class StaffingTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    /// <summary>The demo staff without Jordan's legal advisor and Türkiye's exercise director.</summary>
    private async Task AddStaffWithoutAsync(params string[] missing)
    {
        foreach (var user in DemoData.Users.Where(u => !missing.Contains(u.Name))) await Fixture.Send(user);
    }

    private Task RemoveUserAsync(string name) => Fixture.WithDb(db => db.Users.Where(u => u.Name == name).ExecuteDeleteAsync());

    [Fact]
    public async Task The_dry_run_names_every_step_whose_nation_and_role_nobody_holds_and_whom_to_ask()
    {
        await AddStaffWithoutAsync("jor.legal", "tur.director");
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(), DemoData.Coordinator));

        var plan = await Fixture.Send(new PlanWorkflow(Approvals.Code, DemoData.Coordinator));

        Assert.Equal([("host-nation-review", "JOR", "legal-advisor"), ("final-sign-off", "TUR", "exercise-director")],
            plan.Unstaffed.Select(u => (plan.Stages.Single(s => s.Name == u.Stage).Id, u.Nation, u.Role)));
        Assert.Equal("No one in Jordan (JOR) holds the legal advisor role (Host-nation legal and logistics review)", plan.Unstaffed[0].Sentence);
        Assert.Equal(["System administrator"], plan.Administrators);
        Assert.Equal("Ask your administrator, System administrator, to add a user for each.", Staffing.Ask(plan.Administrators));

        await Fixture.Send(DemoData.Users.Single(u => u.Name == "jor.legal"));
        await Fixture.Send(DemoData.Users.Single(u => u.Name == "tur.director"));
        var staffed = await Fixture.Send(new PlanWorkflow(Approvals.Code, DemoData.Coordinator));
        Assert.Empty(staffed.Unstaffed);
        Assert.Empty(staffed.Administrators);
    }

    [Fact]
    public async Task The_role_a_stage_escalates_to_is_needed_too_named_in_the_dry_run_and_required_at_submission()
    {
        await AddStaffWithoutAsync("pak.chief");
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(), DemoData.Coordinator));

        var plan = await Fixture.Send(new PlanWorkflow(Approvals.Code, DemoData.Coordinator));

        var missing = Assert.Single(plan.Unstaffed);
        Assert.Equal(("PAK", "chief-of-staff", true), (missing.Nation, missing.Role, missing.Escalation));
        Assert.Equal("No one in Pakistan (PAK) holds the chief of staff role, to whom an overdue step escalates (National review)", missing.Sentence);
        var refused = await Assert.ThrowsAsync<UnstaffedException>(() => Fixture.Send(new SubmitProposal(Approvals.Code, DemoData.Coordinator)));
        Assert.Equal([("PAK", "chief-of-staff")], refused.Missing.Select(m => (m.Nation, m.Role)));

        // Host-nation review escalates to Jordan's national approver, who is on record: with Pakistan's chief, nothing is missing.
        await Fixture.Send(DemoData.Users.Single(u => u.Name == "pak.chief"));
        Assert.Empty((await Fixture.Send(new PlanWorkflow(Approvals.Code, DemoData.Coordinator))).Unstaffed);
        Assert.Equal(ProposalStatus.Submitted, (await Fixture.Send(new SubmitProposal(Approvals.Code, DemoData.Coordinator))).Status);
    }

    [Fact]
    public async Task A_skipped_stage_needs_nobody()
    {
        await AddStaffWithoutAsync("jor.security");
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(p => p with { Classification = Classification.Unclassified }), DemoData.Coordinator));

        Assert.Empty((await Fixture.Send(new PlanWorkflow(Approvals.Code, DemoData.Coordinator))).Unstaffed);
        Assert.Equal(ProposalStatus.Submitted, (await Fixture.Send(new SubmitProposal(Approvals.Code, DemoData.Coordinator))).Status);
    }

    [Fact]
    public async Task Submission_is_refused_naming_each_missing_nation_and_role_and_nothing_changes()
    {
        await AddStaffWithoutAsync("jor.legal", "tur.director", "idn.approver");
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(), DemoData.Coordinator));
        var before = await Fixture.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<UnstaffedException>(() => Fixture.Send(new SubmitProposal(Approvals.Code, DemoData.Coordinator)));

        Assert.Equal([("IDN", "national-approver"), ("JOR", "legal-advisor"), ("TUR", "exercise-director")], refused.Missing.Select(m => (m.Nation, m.Role)));
        Assert.Equal($"{Approvals.Code} cannot be submitted: No one in Indonesia (IDN) holds the national approver role (National review); " +
                     "No one in Jordan (JOR) holds the legal advisor role (Host-nation legal and logistics review); " +
                     "No one in Türkiye (TUR) holds the exercise director role (Final sign-off). " +
                     "Ask your administrator, System administrator, to add a user for each.", refused.Message);
        Assert.Equal(before, await Fixture.FingerprintAsync());
        Assert.Equal(ProposalStatus.Draft, (await Fixture.Send(new ShowProposal(Approvals.Code))).Status);
    }

    [Fact]
    public async Task A_role_only_the_coordinator_holds_does_not_staff_a_step_of_their_own_proposal()
    {
        await AddStaffWithoutAsync("tur.director", DemoData.Coordinator);
        var coordinator = DemoData.Users.Single(u => u.Name == DemoData.Coordinator);
        await Fixture.Send(coordinator with { Roles = [.. coordinator.Roles, "exercise-director"] });
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(), DemoData.Coordinator));

        var plan = await Fixture.Send(new PlanWorkflow(Approvals.Code, DemoData.Coordinator));
        Assert.Equal([("TUR", "exercise-director")], plan.Unstaffed.Select(u => (u.Nation, u.Role)));
        var refused = await Assert.ThrowsAsync<UnstaffedException>(() => Fixture.Send(new SubmitProposal(Approvals.Code, DemoData.Coordinator)));
        Assert.Equal([("TUR", "exercise-director")], refused.Missing.Select(m => (m.Nation, m.Role)));
    }

    [Fact]
    public async Task Administrators_see_the_open_steps_nobody_can_decide_with_why_and_whom_to_give_them_to()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new AddUser("idn.liaison", "IDN", ["logistics-officer"], "Liaison Officer") { DisplayName = "Col Budi Santoso" });
        await Fixture.Send(new AddUser("jor.deputy", "JOR", ["national-approver"]) { DisplayName = "Col Faisal Nasser" });
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var open = await Fixture.OpenStepsAsync();
        await Fixture.Send(new DelegateStep(open.Single(s => s.Nation == "JOR").Id, "jor.deputy", "jor.approver"));
        Assert.Empty(await Fixture.Send(new ListUndecidableSteps("admin")));

        Fixture.Clock.Advance(TimeSpan.FromDays(3));
        await RemoveUserAsync("idn.approver"); // nobody of Indonesia holds the role any more
        await RemoveUserAsync("jor.deputy");   // the delegate is gone; jor.approver handed the step away

        var stuck = await Fixture.Send(new ListUndecidableSteps("admin"));

        Assert.Equal(["IDN", "JOR"], stuck.Select(s => s.Nation).Order());
        var indonesia = stuck.Single(s => s.Nation == "IDN");
        Assert.Equal((Approvals.Code, "Northern Bridge 2027", "National review", "national-approver", PlannerFixture.Today),
            (indonesia.Proposal, indonesia.ProposalName, indonesia.StageName, indonesia.Role, indonesia.OpenedAt));
        Assert.Equal("No one in Indonesia (IDN) holds the national approver role.", indonesia.Why);
        Assert.Equal([("idn.liaison", "Col Budi Santoso"), ("idn.chief", "Maj Gen Hendra Gunawan")], indonesia.Candidates.Select(c => (c.Name, c.Label)));
        var jordan = stuck.Single(s => s.Nation == "JOR");
        Assert.Equal("It was handed to jor.deputy, who is no longer a user of Jordan (JOR).", jordan.Why);
        Assert.Contains(jordan.Candidates, c => c.Name == "jor.approver");
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new ListUndecidableSteps("jor.approver")));
    }

    [Fact]
    public async Task An_administrator_reassigns_a_stuck_step_to_a_user_of_its_nation_who_then_decides_it()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new AddUser("idn.liaison", "IDN", ["logistics-officer"], "Liaison Officer") { DisplayName = "Col Budi Santoso" });
        await Fixture.SubmitAsync(Approvals.FiveNations());
        await RemoveUserAsync("idn.approver");
        var indonesia = Assert.Single(await Fixture.Send(new ListUndecidableSteps("admin")));
        Assert.Empty(await Fixture.Send(new ListSteps("idn.liaison")));

        var given = await Fixture.Send(new ReassignStep(indonesia.Id, "idn.liaison", "admin"));

        Assert.Equal("idn.liaison", given.Assignee);
        Assert.Empty(await Fixture.Send(new ListUndecidableSteps("admin")));
        Assert.Equal([indonesia.Id], (await Fixture.Send(new ListSteps("idn.liaison"))).Select(s => s.Id));
        var audited = await Fixture.WithDb(db => db.AuditEntries.Where(e => e.Action == nameof(ReassignStep)).ToListAsync());
        var entry = Assert.Single(audited, e => e.EntityType == "WorkflowStep");
        Assert.Equal(("admin", $"{Approvals.Code}/r1/national-review/IDN/national-approver"), (entry.Actor, entry.EntityKey));
        Assert.Contains("\"Assignee\":\"idn.liaison\"", entry.After);
        var decided = await Fixture.Send(new DecideStep(indonesia.Id, Decision.Approve, "Indonesia concurs.", "idn.liaison"));
        Assert.Equal((StepStatus.Approved, "idn.liaison"), (decided.Step.Status, decided.Step.DecidedBy));
    }

    [Fact]
    public async Task Reassignment_is_refused_to_others_than_administrators_and_users_of_the_steps_nation_and_changes_nothing()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var open = await Fixture.OpenStepsAsync();
        var indonesia = open.Single(s => s.Nation == "IDN");
        var jordan = open.Single(s => s.Nation == "JOR");
        await Fixture.DecideAsync(jordan);
        var before = await Fixture.FingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new ReassignStep(indonesia.Id, "idn.approver", "jor.approver")));
        var otherNation = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new ReassignStep(indonesia.Id, "pak.approver", "admin")));
        Assert.Equal($"to: step {indonesia.Id} is for Indonesia (IDN); 'pak.approver' is not a user of that nation", otherNation.Message);
        await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new ReassignStep(indonesia.Id, "nobody", "admin")));
        await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new ReassignStep(open.Single(s => s.Nation == "TUR").Id, DemoData.Coordinator, "admin")));
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(new ReassignStep(jordan.Id, "jor.legal", "admin")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new ReassignStep(999_999, "idn.approver", "admin")));
        Assert.Equal(before, await Fixture.FingerprintAsync());
    }
}
