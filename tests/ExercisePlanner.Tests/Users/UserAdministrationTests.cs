using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Calendar;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Tests.Users;

/// <summary>An administrator deactivates users and gives or takes away roles: audited, refused for others, never leaving no administrator.</summary>
public sealed class UserAdministrationTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_deactivated_delegate_acts_on_nothing_their_step_is_stuck_and_their_past_decision_keeps_their_name()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var open = await Fixture.OpenStepsAsync();
        await Fixture.DecideAsync(open.Single(s => s.Nation == "JOR"));
        var turkey = open.Single(s => s.Nation == "TUR");
        await Fixture.Send(new DelegateStep(turkey.Id, "tur.deputy", "tur.approver"));
        await Fixture.Send(new CreateCalendarFeed("jor.approver"));
        Assert.Empty(await Fixture.Send(new ListUndecidableSteps("admin")));

        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        var deputy = await Fixture.Send(new DeactivateUser("tur.deputy", "admin"));
        var jordan = await Fixture.Send(new DeactivateUser("jor.approver", "admin"));

        Assert.Equal(PlannerFixture.Today.AddHours(2), deputy.DeactivatedAt);
        // The delegated step waits for an administrator, who may give it to anyone of Türkiye still active.
        var stuck = Assert.Single(await Fixture.Send(new ListUndecidableSteps("admin")));
        Assert.Equal((turkey.Id, "It was handed to Col Deniz Aksoy, who was deactivated on 11 Jan 2027, 11:00 UTC."), (stuck.Id, stuck.Why));
        Assert.DoesNotContain(stuck.Candidates, c => c.Name == "tur.deputy");
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DecideStep(turkey.Id, Decision.Approve, "still here", "tur.deputy")));
        Assert.Equal("tur.deputy was deactivated on 11 Jan 2027, 11:00 UTC", refused.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new ListSteps("tur.deputy")));
        await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new ReassignStep(turkey.Id, "tur.deputy", "admin")));

        // Jordan's approval stays on record with the approver's name; their calendar address no longer works.
        var details = await Fixture.Send(new ShowProposal(Approvals.Code));
        Assert.Equal("jor.approver", details.Steps.Single(s => s.Nation == "JOR").DecidedBy);
        Assert.Contains(details.People, p => p.Name == "jor.approver" && p.Label == "Brig Gen Khaled Al-Masri");
        Assert.Null(await Fixture.WithDb(db => db.Users.IgnoreQueryFilters().Where(u => u.Name == jordan.Name).Select(u => u.CalendarTokenHash).SingleAsync()));

        // Audited: who deactivated whom, and when.
        var entries = await Fixture.WithDb(db => db.AuditEntries.Where(e => e.Action == nameof(DeactivateUser) && e.EntityType == nameof(User)).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([("admin", "tur.deputy"), ("admin", "jor.approver")], entries.Select(e => (e.Actor, e.EntityKey.Split('/').Last())));
        Assert.All(entries, e => Assert.Contains("\"DeactivatedAt\":", e.After));
    }

    [Fact]
    public async Task A_deactivated_user_staffs_no_step_and_is_told_nothing()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(), DemoData.Coordinator));
        await Fixture.Send(new DeactivateUser("jor.legal", "admin"));
        await Fixture.Send(new DeactivateUser("tur.deputy", "admin"));

        var plan = await Fixture.Send(new PlanWorkflow(Approvals.Code, DemoData.Coordinator));
        Assert.Equal([("JOR", "legal-advisor")], plan.Unstaffed.Select(u => (u.Nation, u.Role)));
        await Assert.ThrowsAsync<UnstaffedException>(() => Fixture.Send(new SubmitProposal(Approvals.Code, DemoData.Coordinator)));

        await Fixture.Send(new SetUserRole("jor.logistics", "legal-advisor", Holds: true, "admin"));
        await Fixture.Send(new SubmitProposal(Approvals.Code, DemoData.Coordinator));
        var told = await Fixture.WithDb(db => db.Notifications.Select(n => n.Recipient).Distinct().ToListAsync());
        Assert.Contains("tur.approver", told);      // Türkiye's national approvers hear of their step…
        Assert.DoesNotContain("tur.deputy", told);  // …but not the one deactivated
    }

    [Fact]
    public async Task Taking_a_role_away_returns_the_steps_of_that_role_delegated_to_the_user()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var turkey = (await Fixture.OpenStepsAsync()).Single(s => s.Nation == "TUR");
        await Fixture.Send(new DelegateStep(turkey.Id, "tur.deputy", "tur.approver"));
        await Fixture.Send(new SetUserRole("tur.deputy", "exercise-director", Holds: true, "admin"));

        var deputy = await Fixture.Send(new SetUserRole("tur.deputy", "national-approver", Holds: false, "admin"));

        Assert.Equal(["exercise-director"], deputy.Roles);
        Assert.Null(await Fixture.WithDb(db => db.WorkflowSteps.Where(s => s.Id == turkey.Id).Select(s => s.Assignee).SingleAsync()));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DecideStep(turkey.Id, Decision.Approve, "mine", "tur.deputy")));
        var decided = await Fixture.Send(new DecideStep(turkey.Id, Decision.Approve, "Türkiye concurs.", "tur.approver"));
        Assert.Equal(StepStatus.Approved, decided.Step.Status);
        var audited = await Fixture.WithDb(db => db.AuditEntries.Where(e => e.Action == nameof(SetUserRole)).Select(e => e.EntityType).ToListAsync());
        Assert.Equal(["User", "User", "WorkflowStep"], audited.Order());
    }

    [Fact]
    public async Task Others_than_administrators_bad_input_and_the_last_administrator_are_refused_and_nothing_changes()
    {
        await Fixture.AddDemoStaffAsync();
        var before = await Fixture.FingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new DeactivateUser("jor.legal", "jor.approver")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new SetUserRole("jor.approver", "admin", Holds: true, "jor.approver")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new DeactivateUser("nobody", "admin")));
        var last = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new DeactivateUser("admin", "admin")));
        Assert.Equal("name: admin is the last administrator and cannot be deactivated: make another user an administrator first", last.Message);
        await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SetUserRole("admin", "admin", Holds: false, "admin")));
        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SetUserRole("jor.legal", "Legal Advisor", Holds: true, "admin")));
        Assert.Equal("role: 'Legal Advisor' is not a valid role: lower-case words joined by dashes, such as legal-advisor", invalid.Message);
        var notHeld = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SetUserRole("jor.legal", "security-officer", Holds: false, "admin")));
        Assert.Equal("role: jor.legal does not hold the security officer role", notHeld.Message);
        await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SetUserRole("jor.legal", "legal-advisor", Holds: true, "admin")));
        var only = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SetUserRole("jor.legal", "legal-advisor", Holds: false, "admin")));
        Assert.Equal("role: the legal advisor role is jor.legal's only one: give them another first, or deactivate them", only.Message);
        Assert.Equal(before, await Fixture.FingerprintAsync());

        // With a second administrator, the first may step down; the second is then the last.
        await Fixture.Send(new SetUserRole("tur.director", "admin", Holds: true, "admin"));
        await Fixture.Send(new DeactivateUser("admin", "tur.director"));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new SetUserRole("jor.legal", "admin", Holds: true, "admin")));
        await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SetUserRole("tur.director", "admin", Holds: false, "tur.director")));
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(new DeactivateUser("admin", "tur.director")));
        var users = await Fixture.Send(new ListUsers("tur.director"));
        Assert.Equal(DemoData.Users.Count, users.Users.Count);
        Assert.Contains("chief-of-staff", users.Roles); // an escalation role the shipped workflows ask for
    }

    [Fact]
    public async Task A_coordinator_whose_role_is_taken_away_changes_their_proposals_no_more()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(), DemoData.Coordinator));
        await Fixture.Send(new SetUserRole(DemoData.Coordinator, "liaison-officer", Holds: true, "admin"));
        await Fixture.Send(new SetUserRole(DemoData.Coordinator, "coordinator", Holds: false, "admin"));

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new SubmitProposal(Approvals.Code, DemoData.Coordinator)));
        Assert.Equal($"{DemoData.Coordinator} no longer holds the coordinator role, so may not change proposal {Approvals.Code}; an administrator can give it back", refused.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new ImportProposal(Approvals.FiveNations() with { Name = "Renamed" }, DemoData.Coordinator)));
        var stored = await Fixture.WithDb(db => db.Proposals.Where(p => p.Code == Approvals.Code).Select(p => new { p.Status, p.Name }).SingleAsync());
        Assert.Equal((ProposalStatus.Draft, Approvals.FiveNations().Name), (stored.Status, stored.Name));
    }

    [Fact]
    public async Task An_administrator_neither_deactivates_themselves_nor_takes_their_own_administrator_role_away()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new AddUser("tur.admin", "TUR", ["admin"], "Deputy Administrator"));

        var deactivate = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new DeactivateUser("admin", "admin")));
        Assert.Equal("you cannot deactivate yourself; another administrator can", Assert.Single(deactivate.Problems).Message);
        await Fixture.Send(new SetUserRole("admin", "coordinator", Holds: true, "admin"));
        var demote = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SetUserRole("admin", "admin", Holds: false, "admin")));
        Assert.Equal("you cannot take your own administrator role away; another administrator can", Assert.Single(demote.Problems).Message);
        // Another administrator can do both.
        await Fixture.Send(new SetUserRole("admin", "admin", Holds: false, "tur.admin"));
        await Fixture.Send(new DeactivateUser("admin", "tur.admin"));
    }
}
